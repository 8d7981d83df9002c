/**
 * @module cli/keys
 * `pico-server-auth keys rotate [--config FILE]`: publishes a new signing key
 * in whichever key store the server's container has (`server_auth.key_directory`,
 * or Redis with `redis.key_store: true`, or a store a module binds) now; it
 * signs after `key_publish_lead_seconds`, and running servers pick it up within
 * `key_refresh_seconds` without a restart. Keys past their retirement window
 * are deleted. `keys list` shows every key and its state.
 */
import { ContainerModule } from 'inversify';
import { init } from '../boot/init.js';
import type { KeyStatus } from '../keys/scheduleKeys.js';
import { TYPES } from '../identifiers.js';
import { stderrLogger } from '../logging/Logger.js';
import type { KeyStore, RotatingKeyStore } from '../stores/KeyStore.js';
import { closeStores } from '../stores/connectStores.js';
import { systemClock } from '../time/Clock.js';
import { refuseUnknownOptions, type ParsedArgs } from './args.js';
import { configPath, packageRoot } from './paths.js';

const USAGE = 'usage: pico-server-auth keys rotate|list [--config FILE]';

const iso = (seconds: number | undefined): string =>
  seconds === undefined ? '-' : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

const isRotating = (store: KeyStore): store is RotatingKeyStore =>
  typeof (store as Partial<RotatingKeyStore>).rotate === 'function' &&
  typeof (store as Partial<RotatingKeyStore>).schedule === 'function';

/** The container's key store, if it is one the CLI can rotate. */
function rotatingStore(store: KeyStore): RotatingKeyStore {
  if (store.describe?.().shared === false) {
    throw new Error(
      'server_auth.key_directory is empty: keys live in the server process memory, there is nothing to rotate ' +
        '(set key_directory, or redis.key_store with a redis.url)',
    );
  }
  if (!isRotating(store)) throw new Error('the bound key store has no rotate(): rotate its keys where it keeps them');
  return store;
}

/** Where the keys are, for the messages. */
function locationOf(store: RotatingKeyStore): string {
  return store.describe?.().location ?? `the bound key store (${store.constructor.name})`;
}

/** Every key with its state; stores that can read without creating a key do so. */
async function statusesOf(store: RotatingKeyStore): Promise<readonly KeyStatus[]> {
  return store.statuses !== undefined ? store.statuses() : (await store.schedule()).statuses;
}

function statusLine(status: KeyStatus): string {
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
  // The server's own container, so the keys are exactly where the server keeps them; logs go to stderr.
  const quiet = new ContainerModule((bind) => void bind(TYPES.Logger).toConstantValue(stderrLogger));
  const container = await init({ modules: [quiet], config: configPath(args), root: packageRoot });
  try {
    const store = rotatingStore(await container.getAsync(TYPES.KeyStore));
    const where = locationOf(store);
    if (action === 'list') {
      const statuses = await statusesOf(store);
      if (statuses.length === 0) process.stdout.write(`no keys in ${where}\n`);
      for (const status of statuses) process.stdout.write(`${statusLine(status)}\n`);
      return;
    }
    const { key, pruned } = await store.rotate();
    const wait = Math.max(0, key.activatesAt - Math.floor(systemClock.now() / 1000));
    process.stdout.write(
      `published key ${key.key.kid} (${key.key.alg}) in ${where}; ` +
        `it signs from ${iso(key.activatesAt)} (in ${wait} s)\n`,
    );
    for (const kid of pruned) process.stdout.write(`deleted key ${kid}: its retirement window has passed\n`);
  } finally {
    await closeStores(container); // an open Redis client (redis:) or store file would keep the process alive
  }
}
