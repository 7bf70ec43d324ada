import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller } from '@app/auth';
import { SessionContentInput } from './dto/session-content.input';
import { SessionRecordModel } from './session-record.model';
import { SessionRecordsService } from './session-records.service';
import { toSessionRecordModel } from './to-session-record-model';

@Resolver(() => SessionRecordModel)
export class SessionRecordsResolver {
  constructor(private readonly service: SessionRecordsService) {}

  @Query(() => [SessionRecordModel], {
    description:
      "A client's session records, newest first, at their latest version. Clinical: treating therapists, the client's clinic managers, head office and the client; audited.",
  })
  async sessionRecords(
    @CurrentCaller() caller: Caller,
    @Args('clientId', { type: () => ID }) clientId: string,
  ): Promise<SessionRecordModel[]> {
    const records = await this.service.sessionRecords(caller, clientId);
    return records.map((record) => toSessionRecordModel(record, null));
  }

  @Query(() => SessionRecordModel, {
    description: 'One session record with every version; audited.',
  })
  async sessionRecord(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SessionRecordModel> {
    const { record, versions } = await this.service.sessionRecord(caller, id);
    return toSessionRecordModel(record, versions);
  }

  @Mutation(() => SessionRecordModel, {
    description:
      "The booking's therapist writes its session record (once; correct it with amendSessionRecord).",
  })
  async recordSession(
    @CurrentCaller() caller: Caller,
    @Args('bookingId', { type: () => ID }) bookingId: string,
    @Args('input') input: SessionContentInput,
  ): Promise<SessionRecordModel> {
    const { record, versions } = await this.service.recordSession(caller, bookingId, input);
    return toSessionRecordModel(record, versions);
  }

  @Mutation(() => SessionRecordModel, {
    description:
      'The treating therapist amends a session record: a new version with the reason; the original is kept.',
  })
  async amendSessionRecord(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: SessionContentInput,
    @Args('reason') reason: string,
  ): Promise<SessionRecordModel> {
    const { record, versions } = await this.service.amendSessionRecord(caller, id, input, reason);
    return toSessionRecordModel(record, versions);
  }
}
