import { Field, ObjectType } from '@nestjs/graphql';
import { TherapistModel } from './therapist.model';

@ObjectType('TherapistEdge')
export class TherapistEdgeModel {
  @Field({ description: 'Opaque; pass as `after` to get the therapists that follow.' })
  cursor!: string;

  @Field(() => TherapistModel)
  node!: TherapistModel;
}

@ObjectType('TherapistPageInfo')
export class TherapistPageInfoModel {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('TherapistConnection', {
  description: 'A page of therapists in name order (family name, given name).',
})
export class TherapistConnectionModel {
  @Field(() => [TherapistEdgeModel])
  edges!: TherapistEdgeModel[];

  @Field(() => TherapistPageInfoModel)
  pageInfo!: TherapistPageInfoModel;
}
