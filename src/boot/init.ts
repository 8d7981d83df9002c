/**
 * @module boot/init
 * `init({ modules, config })`: a ready container. The caller's modules load
 * first, so their bindings win over every default; then the modules that
 * installed packages declare in their `picoBoot` manifests.
 * `PICO_BOOT_AUTO_PLUGINS=false` turns discovery off. The shared store drivers
 * the config selects (`redis:` section: the Redis stores) load before
 * everything (a caller who still wants one store of their own `rebind`s it).
 * Every driver connects and the stores are resolved before `init` returns, so
 * an unwritable file or an unreachable Redis stops startup; `closeStores`
 * undoes it at shutdown.
 */
import 'reflect-metadata';
import { Container, type interfaces } from 'inversify';
import { loadConfig } from '../config/loadConfig.js';
import type { PicoConfig } from '../config/ServerAuthSettings.js';
import { TYPES } from '../identifiers.js';
import { closeStores, connectStores } from '../stores/connectStores.js';
import { sharedStoreModules } from '../stores/sharedStoreModules.js';
import { defaultConfigPath } from './defaultConfigPath.js';
import { discoverModules } from './discover.js';

export interface InitOptions {
  /** Container modules to load before any discovered one. */
  readonly modules?: readonly interfaces.ContainerModule[];
  /**
   * A YAML file path or a config document; defaults apply to what it leaves
   * out. Absent: the application's `config/server-auth.yaml` under `root`, or
   * else the default configuration this package ships.
   */
  readonly config?: string | Record<string, unknown>;
  /** Directory of the application's `package.json` (default: the working directory). */
  readonly root?: string;
  /** Environment for `${VAR}` placeholders and `PICO_BOOT_AUTO_PLUGINS` (default: `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
}

export function discoveryEnabled(env: NodeJS.ProcessEnv): boolean {
  const flag = env['PICO_BOOT_AUTO_PLUGINS']?.trim().toLowerCase();
  return !(flag === 'false' || flag === '0' || flag === 'no' || flag === 'off');
}

export async function init(options: InitOptions = {}): Promise<Container> {
  const env = options.env ?? process.env;
  const root = options.root ?? process.cwd();
  const config: PicoConfig = await loadConfig(options.config ?? defaultConfigPath(root), env);
  const container = new Container();
  container.bind(TYPES.PicoConfig).toConstantValue(config);
  container.bind(TYPES.ServerAuthSettings).toConstantValue(config.server_auth);

  const modules = [...(options.modules ?? [])];
  // Shared drivers (`redis.url` set) load first, so serverAuthModule's
  // single-process defaults are never bound (a caller's module may rebind).
  for (const shared of sharedStoreModules(config)) container.load(shared);
  container.load(...modules);
  if (discoveryEnabled(env)) {
    for (const { module } of await discoverModules(root, config)) {
      // The same module object may be both passed in and discovered: load it once.
      if (!modules.includes(module)) {
        modules.push(module);
        container.load(module);
      }
    }
  }
  await resolveStores(container);
  return container;
}

/** Stores that open files or connections do it when first resolved: do that now, so failures stop startup. */
const STARTUP_RESOLVED = [TYPES.ChallengeStore, TYPES.RevocationStore, TYPES.MintAuditStore, TYPES.TokenFamilyStore];

async function resolveStores(container: Container): Promise<void> {
  try {
    await connectStores(container); // BootError (naming the Redis URL, say) when a backend does not answer in time
    for (const id of STARTUP_RESOLVED) {
      if (container.isBound(id)) await container.getAsync(id);
    }
  } catch (error) {
    // Nobody gets the container: close what was opened, or a client would keep the process alive.
    await closeStores(container).catch(() => undefined);
    throw error;
  }
}
