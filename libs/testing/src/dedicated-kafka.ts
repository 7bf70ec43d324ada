import { KafkaServer, LogSink, stderrLogSink } from '@app/local-stack';

let started = 0;

/**
 * A Kafka broker of the test's own, for tests that stop and restart the broker
 * (`await kafka.stop()` … `await kafka.start()`: same port, same data). Stopping the
 * shared broker instead would break the suites running beside it in other workers.
 * Runs from the local stack (Java 17+, jars cached in infra/.cache/kafka), whatever the
 * shared infrastructure came from. Call `destroy()` in afterAll; a broker left running
 * is killed when the test process exits.
 */
export async function startDedicatedKafka(
  options: { readonly log?: LogSink; readonly heap?: string } = {},
): Promise<KafkaServer> {
  started += 1;
  const kafka = new KafkaServer({
    name: `test-dedicated-${process.pid}-${started}`,
    heap: options.heap ?? '384m',
    log: options.log ?? stderrLogSink,
    unref: true,
  });
  await kafka.start();
  return kafka;
}
