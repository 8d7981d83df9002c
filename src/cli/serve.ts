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
  const settings = container.get(TYPES.ServerAuthSettings);
  const mismatch = issuerMismatch(settings.issuer, port);
  if (mismatch !== undefined) logger.warn(mismatch);
  if (settings.development) {
    logger.warn(
      'server_auth.development is true: development-only settings (such as the default admin password) are ' +
        'allowed; never run a deployment this way',
    );
  }

  const stop = (signal: string): void => {
    logger.info(`${signal} received, shutting down`);
    // Then the stores (a Redis connection sees a clean QUIT, store files are closed after their appends).
    server.close(() => void Promise.allSettled([closeStores(container), closeSharedCryptoPool()]).then(() => process.exit(0)));
    server.closeAllConnections();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A loopback issuer on another port than the one we listen on: validators
 * derive the JWKS URL from the issuer, so they would look in the wrong place.
 * A public issuer (behind a proxy) is expected to differ and is not checked.
 */
export function issuerMismatch(issuer: string, port: number): string | undefined {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return undefined;
  }
  if (!LOOPBACK.has(url.hostname)) return undefined;
  const issuerPort = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (issuerPort === port) return undefined;
  return (
    `server_auth.issuer ${issuer} names port ${issuerPort} but the server listens on ${port}: ` +
    'validators derive the JWKS URL from the issuer; set server_auth.issuer to the URL clients use'
  );
}
