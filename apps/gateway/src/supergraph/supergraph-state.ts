import { Injectable } from '@nestjs/common';
import { ReadinessCheck } from '@app/observability';

/** Whether the gateway has a composed supergraph to serve; its readiness check. */
@Injectable()
export class SupergraphState implements ReadinessCheck {
  readonly name = 'supergraph';
  private composedAt: Date | undefined;

  markComposed(): void {
    this.composedAt = new Date();
  }

  async check(): Promise<void> {
    if (this.composedAt === undefined) {
      throw new Error('the supergraph is not composed yet: waiting for every subgraph to answer');
    }
  }
}
