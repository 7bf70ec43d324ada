import { decodeMetadataResponse, encodeMetadataRequest } from './kafka-metadata-probe';

function metadataResponse(
  correlationId: number,
  brokers: { nodeId: number; host: string; port: number }[],
): Buffer {
  const parts: Buffer[] = [];
  const int32 = (value: number): Buffer => {
    const buffer = Buffer.alloc(4);
    buffer.writeInt32BE(value);
    return buffer;
  };
  parts.push(int32(correlationId), int32(brokers.length));
  for (const broker of brokers) {
    const host = Buffer.from(broker.host);
    const length = Buffer.alloc(2);
    length.writeInt16BE(host.length);
    parts.push(int32(broker.nodeId), length, host, int32(broker.port));
  }
  parts.push(int32(0)); // no topics
  return Buffer.concat(parts);
}

describe(encodeMetadataRequest.name, () => {
  it('frames a Metadata v0 request for all topics with its size, API key, version and correlation id', () => {
    const request = encodeMetadataRequest(7);
    expect(request.readInt32BE(0)).toBe(request.length - 4);
    expect(request.readInt16BE(4)).toBe(3);
    expect(request.readInt16BE(6)).toBe(0);
    expect(request.readInt32BE(8)).toBe(7);
    const clientIdLength = request.readInt16BE(12);
    expect(request.toString('utf8', 14, 14 + clientIdLength)).toBe('local-stack-probe');
    expect(request.readInt32BE(14 + clientIdLength)).toBe(0);
    expect(request.length).toBe(14 + clientIdLength + 4);
  });
});

describe(decodeMetadataResponse.name, () => {
  it('reads the brokers of a Metadata v0 response', () => {
    const brokers = [{ nodeId: 1, host: '127.0.0.1', port: 9092 }];
    expect(decodeMetadataResponse(metadataResponse(7, brokers), 7)).toEqual(brokers);
  });

  it('reads an empty broker list while the broker is still starting', () => {
    expect(decodeMetadataResponse(metadataResponse(7, []), 7)).toEqual([]);
  });

  it('rejects an answer to another request', () => {
    expect(() => decodeMetadataResponse(metadataResponse(8, []), 7)).toThrow(
      'correlation id 8, expected 7',
    );
  });
});
