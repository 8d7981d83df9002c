/**
 * @module cli/serve
 * `pico-server-auth serve [--config FILE]`: the standalone server.
 */
import type { Server } from 'node:http';
import type { Application } from 'express';
import { init } from '../boot/init.js';
import type { PicoConfig } from '../config/ServerAuthSettings.js';
import { TYPES } from '../identifiers.js';
import type { Logger } from '../logging/Logger.js';
import { closeStores } from '../stores/connectStores.js';
import { closeSharedCryptoPool } from '../workers/sharedCryptoPool.js';
import { refuseUnknownOptions, type ParsedArgs } from './args.js';
import { configPath, packageRoot } from './paths.js';

export async function serve(args: ParsedArgs): Promise<void> {
  refuseUnknownOptions(args, ['config']);
  const file = configPath(args);
  const container = await init({ modules: [], config: file, root: packageRoot });
  const logger = container.get<Logger>(TYPES.Logger);
  if (!container.isBound(TYPES.App)) {
    throw new Error('no module bound the auth app (is PICO_BOOT_AUTO_PLUGINS=false?)');
  }
  const { server: listen } = container.get<PicoConfig>(TYPES.PicoConfig);
  // Create the signing key before accepting traffic: failures surface at startup.
  await container.get(TYPES.KeyStore).signingKey();
  const app = container.get<Application>(TYPES.App);
  const server: Server = await new Promise((ready, fail) => {
    const s = app.listen(listen.port, listen.host, () => ready(s)).once('error', fail);
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : listen.port;
  logger.info(`listening on http://${listen.host}:${port} (config ${file})`);

  const stop = (signal: string): void => {
    logger.info(`${signal} received, shutting down`);
    // Then the stores (a Redis connection sees a clean QUIT, store files are closed after their appends).
    server.close(() => void Promise.allSettled([closeStores(container), closeSharedCryptoPool()]).then(() => process.exit(0)));
    server.closeAllConnections();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
