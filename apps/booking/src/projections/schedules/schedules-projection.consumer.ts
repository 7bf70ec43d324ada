import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { TimeOffApprovedV1, TimeOffCancelledV1, WorkingPatternChangedV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { EVENT_CONSUMER } from '@app/platform/platform.tokens';
import { stampOf } from '../domain/event-stamp';
import type { EventHandlerRegistry } from '../event-handler-registry';
import { ScheduleProjectionService } from './schedule-projection.service';

/** Working-pattern and time-off events of the roster into booking's projection; thin. */
@Injectable()
export class SchedulesProjectionConsumer implements OnModuleInit {
  constructor(
    @Inject(EVENT_CONSUMER) private readonly consumer: EventHandlerRegistry<Tx>,
    private readonly schedules: ScheduleProjectionService,
  ) {}

  onModuleInit(): void {
    this.consumer.on(WorkingPatternChangedV1, (event, tx) =>
      this.schedules.workingPatternChanged(event.data, stampOf(event), tx),
    );
    this.consumer.on(TimeOffApprovedV1, (event, tx) =>
      this.schedules.timeOffApproved(event.data, stampOf(event), tx),
    );
    this.consumer.on(TimeOffCancelledV1, (event, tx) =>
      this.schedules.timeOffCancelled(event.data, stampOf(event), tx),
    );
  }
}
