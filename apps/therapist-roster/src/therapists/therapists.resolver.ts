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
import type { TherapistStatus } from './domain/therapist-status';
import type { TherapistView } from './domain/therapist-view';
import { AddTherapistInput } from './dto/add-therapist.input';
import { TherapistFilterInput } from './dto/therapist-filter.input';
import { UpdateTherapistInput } from './dto/update-therapist.input';
import { TherapistConnectionModel } from './therapist-connection.model';
import { TherapistStatusEnum } from './therapist-enums';
import { TherapistModel } from './therapist.model';
import { TherapistsService } from './therapists.service';

@Resolver(() => TherapistModel)
export class TherapistsResolver {
  constructor(private readonly service: TherapistsService) {}

  @Query(() => TherapistConnectionModel, {
    description:
      'Therapists you may see, in name order: all for head office, those at your clinics for clinic staff and integrators (no contact details for integrators), yourself for a therapist.',
  })
  async therapists(
    @CurrentCaller() caller: Caller,
    @Args('filter', { type: () => TherapistFilterInput, nullable: true })
    filter: TherapistFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, description: '1–100, default 20.' })
    first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<TherapistConnectionModel> {
    const page = await this.service.listTherapists(caller, filter ?? {}, first, after);
    return {
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toModel(edge.node) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @Query(() => TherapistModel, {
    description:
      'One therapist: in full for head office, clinic staff at their clinics and the therapist themself; the public profile (no email or phone) for integrators in their grant and for clients (any therapist, e.g. the one on their booking).',
  })
  async therapist(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<TherapistModel> {
    return toModel(await this.service.getTherapist(caller, id));
  }

  @Mutation(() => TherapistModel, {
    description: 'Head office, or a clinic manager for their own clinics, adds a therapist.',
  })
  @Roles('head_office_admin', 'clinic_manager')
  async addTherapist(
    @CurrentCaller() caller: Caller,
    @Args('input') input: AddTherapistInput,
  ): Promise<TherapistModel> {
    return toModel(await this.service.addTherapist(caller, input));
  }

  @Mutation(() => TherapistModel, {
    description:
      "Head office or a manager of one of the therapist's clinics changes their details; a therapist may change their own email and phone.",
  })
  @Roles('head_office_admin', 'clinic_manager', 'therapist')
  async updateTherapist(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateTherapistInput,
  ): Promise<TherapistModel> {
    return toModel(await this.service.updateTherapist(caller, id, input));
  }

  @Mutation(() => TherapistModel, {
    description: 'Head office or the manager of the clinic has the therapist also work there.',
  })
  @Roles('head_office_admin', 'clinic_manager')
  async assignTherapistToClinic(
    @CurrentCaller() caller: Caller,
    @Args('therapistId', { type: () => ID }) therapistId: string,
    @Args('clinicId', { type: () => ID }) clinicId: string,
  ): Promise<TherapistModel> {
    return toModel(await this.service.assignTherapistToClinic(caller, therapistId, clinicId));
  }

  @Mutation(() => TherapistModel, {
    description: 'Head office or the manager of the clinic stops the therapist working there.',
  })
  @Roles('head_office_admin', 'clinic_manager')
  async unassignTherapistFromClinic(
    @CurrentCaller() caller: Caller,
    @Args('therapistId', { type: () => ID }) therapistId: string,
    @Args('clinicId', { type: () => ID }) clinicId: string,
  ): Promise<TherapistModel> {
    return toModel(await this.service.unassignTherapistFromClinic(caller, therapistId, clinicId));
  }

  @Mutation(() => TherapistModel, {
    description: 'Records that a therapist left the network (final). leftOn defaults to today.',
  })
  @Roles('head_office_admin', 'clinic_manager')
  async markTherapistLeft(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('leftOn', { type: () => String, nullable: true, description: 'YYYY-MM-DD' })
    leftOn: string | null,
  ): Promise<TherapistModel> {
    return toModel(await this.service.markTherapistLeft(caller, id, leftOn));
  }

  @Mutation(() => TherapistModel, {
    description: 'Sets a therapist active or on_leave (use markTherapistLeft for leaving).',
  })
  @Roles('head_office_admin', 'clinic_manager')
  async setTherapistStatus(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => TherapistStatusEnum }) status: TherapistStatus,
  ): Promise<TherapistModel> {
    return toModel(await this.service.setTherapistStatus(caller, id, status));
  }

  @ResolveReference()
  async resolveReference(
    @Parent() reference: { __typename: string; id: string },
    @CurrentCaller() caller: Caller,
  ): Promise<TherapistModel> {
    return toModel(await this.service.getTherapist(caller, reference.id));
  }
}

function toModel(therapist: TherapistView): TherapistModel {
  return Object.assign(new TherapistModel(), {
    ...therapist,
    specialties: [...therapist.specialties],
    clinicIds: [...therapist.clinicIds],
  });
}
