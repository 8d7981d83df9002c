/**
 * @module stores/sharedStoreModules
 * The container modules of the shared drivers a config selects (`redis.url`
 * set: the Redis stores). `init()` loads them before any other module, so
 * their stores replace the single-process defaults.
 */
import type { interfaces } from 'inversify';
import { storeDrivers } from './storeDrivers.js';
import type { StoreConfig } from './StoresModule.js';

export function sharedStoreModules(config: StoreConfig): interfaces.ContainerModule[] {
  return storeDrivers.flatMap((driver) =>
    driver.binds === 'first' && driver.provides(config).length > 0 ? [driver.module(config)] : [],
  );
}
