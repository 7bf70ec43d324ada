import { Directive, Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Health', { description: 'Whether the platform answers. The only public query.' })
@Directive('@shareable')
export class HealthModel {
  @Field({ description: 'Always "ok" when the query is answered.' })
  status!: string;
}
