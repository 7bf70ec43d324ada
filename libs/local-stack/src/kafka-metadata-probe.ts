import { connect } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Readiness through the Kafka protocol itself, without a Kafka client library: a Metadata
 * request (API key 3, version 0) over a plain TCP socket. A broker that answers it with
 * itself in the broker list has finished starting and is unfenced.
 */

const METADATA_API_KEY = 3;
const METADATA_VERSION = 0;
const CLIENT_ID = 'local-stack-probe';

export interface ProbedBroker {
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
}

/** Size-prefixed Metadata v0 request asking for all topics (an empty topic array). */
export function encodeMetadataRequest(correlationId: number): Buffer {
  const clientId = Buffer.from(CLIENT_ID, 'utf8');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length + 4);
  let offset = 0;
  offset = body.writeInt16BE(METADATA_API_KEY, offset);
  offset = body.writeInt16BE(METADATA_VERSION, offset);
  offset = body.writeInt32BE(correlationId, offset);
  offset = body.writeInt16BE(clientId.length, offset);
  offset += clientId.copy(body, offset);
  body.writeInt32BE(0, offset);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length, 0);
  return Buffer.concat([size, body]);
}

/** The broker list of a Metadata v0 response body (the bytes after the size prefix). */
export function decodeMetadataResponse(
  response: Buffer,
  correlationId: number,
): readonly ProbedBroker[] {
  let offset = 0;
  const answeredId = response.readInt32BE(offset);
  offset += 4;
  if (answeredId !== correlationId) {
    throw new Error(`Kafka answered correlation id ${answeredId}, expected ${correlationId}`);
  }
  const count = response.readInt32BE(offset);
  offset += 4;
  const brokers: ProbedBroker[] = [];
  for (let index = 0; index < count; index += 1) {
    const nodeId = response.readInt32BE(offset);
    offset += 4;
    const hostLength = response.readInt16BE(offset);
    offset += 2;
    const host = response.toString('utf8', offset, offset + hostLength);
    offset += hostLength;
    const port = response.readInt32BE(offset);
    offset += 4;
    brokers.push({ nodeId, host, port });
  }
  return brokers;
}

/** One Metadata round trip to host:port; rejects on connection errors and after `timeoutMs`. */
export function probeKafkaMetadata(
  host: string,
  port: number,
  timeoutMs = 2_000,
): Promise<readonly ProbedBroker[]> {
  return new Promise((resolve, reject) => {
    const correlationId = Math.floor(Math.random() * 0x7fffffff);
    const socket = connect({ host, port });
    let received = Buffer.alloc(0);
    const finish = (error: Error | undefined, brokers?: readonly ProbedBroker[]): void => {
      socket.destroy();
      if (error) {
        reject(error);
      } else {
        resolve(brokers ?? []);
      }
    };
    socket.setTimeout(timeoutMs, () =>
      finish(new Error(`no Metadata response within ${timeoutMs} ms`)),
    );
    socket.once('error', (error) => finish(error));
    socket.once('connect', () => socket.write(encodeMetadataRequest(correlationId)));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4) {
        return;
      }
      const size = received.readInt32BE(0);
      if (received.length < 4 + size) {
        return;
      }
      try {
        finish(undefined, decodeMetadataResponse(received.subarray(4, 4 + size), correlationId));
      } catch (error: unknown) {
        finish(error instanceof Error ? error : new Error(String(error)));
      }
    });
    socket.once('close', () =>
      finish(new Error('the broker closed the connection before answering')),
    );
  });
}

export interface WaitForKafkaOptions {
  readonly timeoutMs: number;
  /** Called before each attempt; a returned reason stops the wait (e.g. the process died). */
  readonly abortReason?: () => string | undefined;
}

/**
 * Polls host:port with Metadata requests until the broker lists itself. Rejects with the
 * last failure after `timeoutMs`, or at once when `abortReason` returns a reason.
 */
export async function waitForKafkaMetadata(
  host: string,
  port: number,
  options: WaitForKafkaOptions,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    const abort = options.abortReason?.();
    if (abort !== undefined) {
      throw new Error(abort);
    }
    try {
      const brokers = await probeKafkaMetadata(host, port);
      if (brokers.length > 0) {
        return;
      }
      lastError = 'the broker answered without any registered broker (still starting)';
    } catch (error: unknown) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await delay(200);
  }
  throw new Error(
    `Kafka did not answer a Metadata request on ${host}:${port} within ${options.timeoutMs / 1000} s (${lastError})`,
  );
}
