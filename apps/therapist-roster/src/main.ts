import { bootstrapService } from '@app/platform';
import { TherapistRosterModule } from './therapist-roster.module';
import { therapistRosterDefinition } from './therapist-roster.definition';

void bootstrapService(therapistRosterDefinition, (config, logger) =>
  TherapistRosterModule.forRoot(config, logger),
);
