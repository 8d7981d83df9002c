/**
 * @module cli/keys
 * `pico-server-auth keys rotate [--config FILE]`: publishes a new signing key
 * in `server_auth.key_directory` now; it signs after
 * `key_publish_lead_seconds`, and running servers pick it up within
 * `key_refresh_seconds` without a restart. Keys past their retirement window
 * are deleted. `keys list` shows every key and its state.
 */
import { loadConfig } from '../config/loadConfig.js';
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';
import { keyPolicy } from '../keys/keyPolicy.js';
import type { KeyStatus } from '../keys/scheduleKeys.js';
import { consoleLogger } from '../logging/Logger.js';
import { FileKeyStore } from '../stores/file/FileKeyStore.js';
import { systemClock } from '../time/Clock.js';
import { refuseUnknownOptions, type ParsedArgs } from './args.js';
import { configPath } from './paths.js';

const USAGE = 'usage: pico-server-auth keys rotate|list [--config FILE]';

const iso = (seconds: number | undefined): string =>
  seconds === undefined ? '-' : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

function storeFor(settings: ServerAuthSettings): FileKeyStore {
  if (settings.key_directory === '') {
    throw new Error('server_auth.key_directory is empty: keys live in the server process memory, there is nothing to rotate');
  }
  return new FileKeyStore({
    directory: settings.key_directory,
    policy: keyPolicy(settings),
    clock: systemClock,
    logger: consoleLogger,
  });
}

function describe(status: KeyStatus): string {
  return [
    status.key.kid,
    status.key.alg.padEnd(9),
    status.state.padEnd(7),
    `signs from ${iso(status.activatesAt)}`,
    `until ${iso(status.retiresAt)}`,
    `published until ${iso(status.dropsAt)}`,
  ].join('  ');
}

export async function keys(args: ParsedArgs): Promise<void> {
  refuseUnknownOptions(args, ['config']);
  const [action, ...extra] = args.positionals;
  if (extra.length > 0 || (action !== 'rotate' && action !== 'list')) throw new Error(USAGE);
  const store = storeFor((await loadConfig(configPath(args))).server_auth);

  if (action === 'list') {
    const statuses = await store.statuses();
    if (statuses.length === 0) process.stdout.write(`no keys in ${store.directory}\n`);
    for (const status of statuses) process.stdout.write(`${describe(status)}\n`);
    return;
  }
  const { key, pruned } = await store.rotate();
  const wait = Math.max(0, key.activatesAt - Math.floor(systemClock.now() / 1000));
  process.stdout.write(
    `published key ${key.key.kid} (${key.key.alg}) in ${store.directory}; ` +
      `it signs from ${iso(key.activatesAt)} (in ${wait} s)\n`,
  );
  for (const kid of pruned) process.stdout.write(`deleted key ${kid}: its retirement window has passed\n`);
}
