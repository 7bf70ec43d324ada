import 'reflect-metadata';
import { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { loadConfigOrExit, ServiceConfig, serviceConfigSchema } from '@app/config';
import { createServiceDataSource, runMigrations } from '@app/database';
import { createLogger, PinoNestLogger } from '@app/observability';
import { ServiceDefinition } from './service-definition';

export type ServiceModuleFactory = (config: ServiceConfig, logger: Logger) => DynamicModule;

/**
 * The whole of a service's main.ts: validate the environment (exit naming the bad
 * variables), then either apply migrations (`main.js migrate`) or serve.
 */
export async function bootstrapService(
  definition: ServiceDefinition,
  moduleFor: ServiceModuleFactory,
  argv: readonly string[] = process.argv,
): Promise<void> {
  const config = loadConfigOrExit(serviceConfigSchema(definition.name));
  const logger = createLogger({
    service: definition.name,
    level: config.log.level,
    format: config.log.format,
  });
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection; exiting');
    process.exit(1);
  });
  try {
    await serve(definition, moduleFor, config, logger, argv);
  } catch (error) {
    logger.fatal({ err: error }, `${definition.name} could not start`);
    process.exit(1);
  }
}

async function serve(
  definition: ServiceDefinition,
  moduleFor: ServiceModuleFactory,
  config: ServiceConfig,
  logger: Logger,
  argv: readonly string[],
): Promise<void> {
  if (argv[2] === 'migrate') {
    const applied = await runMigrations(
      createServiceDataSource({
        url: config.database.url,
        entities: definition.entities,
        migrations: definition.migrations,
        applicationName: `${definition.name}-migrate`,
      }),
    );
    logger.info(
      { applied, database: config.database.name },
      `migrations applied: ${applied.length}`,
    );
    return;
  }

  const app = await NestFactory.create(moduleFor(config, logger), { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  logger.info(
    { port: config.port, graphql: `http://127.0.0.1:${config.port}/graphql` },
    `${definition.name} is listening`,
  );
}
