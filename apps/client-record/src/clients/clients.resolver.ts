import {
  Args,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { Caller, CurrentCaller, Roles } from '@app/auth';
import { ClientConnectionModel } from './client-connection.model';
import { ClientModel } from './client.model';
import { ClientsService } from './clients.service';
import { ClientIdentityProofInput } from './dto/client-identity-proof.input';
import { ClientSearchInput } from './dto/client-search.input';
import { RegisterClientInput } from './dto/register-client.input';
import { UpdateClientDetailsInput } from './dto/update-client-details.input';
import { toClientModel } from './to-client-model';

@Resolver(() => ClientModel)
export class ClientsResolver {
  constructor(private readonly service: ClientsService) {}

  @Query(() => ClientModel, {
    description:
      "One client. Demographics for the client's clinic staff, their therapists, head office and the client; integrators (clients:read) get the id only. Audited.",
  })
  async client(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ClientModel> {
    return toClientModel(await this.service.getClient(caller, id));
  }

  @Query(() => ClientConnectionModel, {
    description:
      "Clients you may see, in name order: all for head office, your clinics' for clinic staff, your own clients for a therapist, yourself for a client; integrators list ids of their clinics' clients and may not search.",
  })
  async clients(
    @CurrentCaller() caller: Caller,
    @Args('search', { type: () => ClientSearchInput, nullable: true })
    search: ClientSearchInput | null,
    @Args('first', { type: () => Int, nullable: true, description: '1–100, default 20.' })
    first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ClientConnectionModel> {
    const page = await this.service.listClients(caller, search ?? {}, first, after);
    return {
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toClientModel(edge.node) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @Mutation(() => ClientModel, {
    description:
      'Registers a client at a clinic: its receptionist or manager, head office administration, or the client themself online (the record takes the client_id of their login). A likely duplicate in the network is refused with CLIENT_LIKELY_DUPLICATE unless confirmNotDuplicate is true: extensions.existingClientId only when you may already read that client, extensions.match (email | name_and_date_of_birth) for staff; a client gets a generic message.',
  })
  @Roles('head_office_admin', 'clinic_manager', 'receptionist', 'client')
  async registerClient(
    @CurrentCaller() caller: Caller,
    @Args('input') input: RegisterClientInput,
  ): Promise<ClientModel> {
    return toClientModel(await this.service.register(caller, input));
  }

  @Mutation(() => ClientModel, {
    description:
      "Changes a client's demographics: the client's clinic staff, head office, or the client themself.",
  })
  async updateClientDetails(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateClientDetailsInput,
  ): Promise<ClientModel> {
    return toClientModel(await this.service.updateDetails(caller, id, input));
  }

  @Mutation(() => ClientModel, {
    description:
      "Records that a client also attends a clinic: that clinic's receptionist or manager, head office administration, or the client themself. Staff linking a client who attends none of their clinics must send proof (CLIENT_IDENTITY_PROOF_REQUIRED, CLIENT_IDENTITY_MISMATCH). Audited as link.",
  })
  @Roles('head_office_admin', 'clinic_manager', 'receptionist', 'client')
  async attendClinic(
    @CurrentCaller() caller: Caller,
    @Args('clientId', { type: () => ID }) clientId: string,
    @Args('clinicId', { type: () => ID }) clinicId: string,
    @Args('proof', { type: () => ClientIdentityProofInput, nullable: true })
    proof: ClientIdentityProofInput | null,
  ): Promise<ClientModel> {
    return toClientModel(await this.service.attendClinic(caller, clientId, clinicId, proof));
  }

  @Mutation(() => ClientModel, {
    description:
      "Links the one client matching proof (date of birth, and email or both names) to your clinic, after CLIENT_LIKELY_DUPLICATE reported a match at a clinic you cannot see into: that clinic's receptionist or manager, or head office administration. No match (or more than one) is CLIENT_IDENTITY_MISMATCH. Audited as link.",
  })
  @Roles('head_office_admin', 'clinic_manager', 'receptionist')
  async linkExistingClient(
    @CurrentCaller() caller: Caller,
    @Args('clinicId', { type: () => ID }) clinicId: string,
    @Args('proof', { type: () => ClientIdentityProofInput }) proof: ClientIdentityProofInput,
  ): Promise<ClientModel> {
    return toClientModel(await this.service.linkExistingClient(caller, clinicId, proof));
  }

  @ResolveReference()
  async resolveReference(
    @Parent() reference: { __typename: string; id: string },
    @CurrentCaller() caller: Caller,
  ): Promise<ClientModel> {
    return toClientModel(await this.service.getClient(caller, reference.id));
  }
}
