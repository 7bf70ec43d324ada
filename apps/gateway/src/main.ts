import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger, PinoNestLogger } from '@app/observability';
import { loadGatewayConfig } from './config';
import { GatewayModule } from './gateway.module';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const logger = createLogger({
    service: 'gateway',
    level: config.log.level,
    format: config.log.format,
  });
  const app = await NestFactory.create(GatewayModule.forRoot(config, logger), { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  logger.info(
    { port: config.port, graphql: `http://127.0.0.1:${config.port}/graphql` },
    config.graphqlIde
      ? `gateway ready; IDE at http://127.0.0.1:${config.port}/graphiql`
      : 'gateway ready',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `gateway could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
