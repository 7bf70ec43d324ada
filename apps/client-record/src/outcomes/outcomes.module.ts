import { Module } from '@nestjs/common';
import { OutcomesRepository } from './outcomes.repository';
import { ClientOutcomeFieldResolver } from './client-outcome-field.resolver';
import { OutcomesResolver } from './outcomes.resolver';
import { OutcomesService } from './outcomes.service';

/** Pain outcomes, read from session records and screenings (this context stores nothing). */
@Module({
  providers: [OutcomesRepository, OutcomesService, OutcomesResolver, ClientOutcomeFieldResolver],
})
export class OutcomesModule {}
