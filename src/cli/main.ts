#!/usr/bin/env node
/**
 * @module cli/main
 * `pico-server-auth [serve] [--config FILE]`: the standalone server.
 * Without `--config` it serves the embedded default `config/server-auth.yaml`.
 */
import type { Server } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Application } from 'express';
import { init } from '../boot/init.js';
import type { PicoConfig } from '../config/ServerAuthSettings.js';
import { TYPES } from '../identifiers.js';
import type { Logger } from '../logging/Logger.js';

/** dist/src/cli -> package root. */
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DEFAULT_CONFIG_PATH = resolve(packageRoot, 'config', 'server-auth.yaml');

interface CliArgs {
  readonly command: string;
  readonly config: string;
}

function parseArgs(argv: readonly string[]): CliArgs {
  let command = 'serve';
  let config = DEFAULT_CONFIG_PATH;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--config' || arg === '-c') {
      const value = argv[++i];
      if (value === undefined) throw new Error('--config needs a file path');
      config = resolve(value);
    } else if (arg.startsWith('--config=')) {
      config = resolve(arg.slice('--config='.length));
    } else if (!arg.startsWith('-')) {
      command = arg;
    } else {
      throw new Error(`unknown option ${arg}`);
    }
  }
  return { command, config };
}

async function serve(configPath: string): Promise<void> {
  const container = await init({ modules: [], config: configPath, root: packageRoot });
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
  logger.info(`listening on http://${listen.host}:${port} (config ${configPath})`);

  const stop = (signal: string): void => {
    logger.info(`${signal} received, shutting down`);
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'serve':
      await serve(args.config);
      return;
    default:
      throw new Error(`unknown command "${args.command}" (expected: serve)`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`pico-server-auth: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
