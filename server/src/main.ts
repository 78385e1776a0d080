import 'reflect-metadata';
import { createApp } from './app';
import { loadConfig } from './config';
import { logger } from './logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const port = await app.listen(config.port);
  logger.info('Mamori is listening', { port, database: config.databaseUrl.split(':')[0] });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: Error) => {
  // Start-up happens before any personal data is loaded, so the message is safe to log.
  logger.error('Mamori could not start', { name: error.name, message: error.message });
  process.exit(1);
});
