import { Field, ObjectType } from '@nestjs/graphql';
import { ClientModel } from './client.model';

@ObjectType('ClientEdge')
export class ClientEdgeModel {
  @Field({ description: 'Opaque; pass as `after` to get the clients that follow.' })
  cursor!: string;

  @Field(() => ClientModel)
  node!: ClientModel;
}

@ObjectType('ClientPageInfo')
export class ClientPageInfoModel {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('ClientConnection', {
  description: 'A page of clients in name order (family name, given name, case-insensitive).',
})
export class ClientConnectionModel {
  @Field(() => [ClientEdgeModel])
  edges!: ClientEdgeModel[];

  @Field(() => ClientPageInfoModel)
  pageInfo!: ClientPageInfoModel;
}
