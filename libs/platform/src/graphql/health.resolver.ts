import { Directive, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@app/auth';
import { HealthModel } from './health.model';

@Resolver(() => HealthModel)
export class HealthResolver {
  @Query(() => HealthModel, { description: 'Public: answers without a token.' })
  @Directive('@shareable')
  @Public()
  health(): HealthModel {
    return Object.assign(new HealthModel(), { status: 'ok' });
  }
}
