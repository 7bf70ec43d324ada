import { createServer } from 'node:net';

/** A TCP port on 127.0.0.1 that nothing listens on right now, chosen by the kernel. */
export function findFreePort(exclude: readonly number[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        if (port === 0) {
          reject(new Error('the kernel did not assign a port on 127.0.0.1'));
        } else if (exclude.includes(port)) {
          findFreePort(exclude).then(resolve, reject);
        } else {
          resolve(port);
        }
      });
    });
  });
}
