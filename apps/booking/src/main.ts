import { bootstrapService } from '@app/platform';
import { BookingModule } from './booking.module';
import { bookingDefinition } from './booking.definition';

void bootstrapService(bookingDefinition, (config, logger) => BookingModule.forRoot(config, logger));
