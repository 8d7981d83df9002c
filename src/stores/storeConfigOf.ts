/**
 * @module stores/storeConfigOf
 * The configuration drivers are chosen by, read from a container when a store
 * is first resolved: the bound `server_auth` settings (a host may bind them
 * alone) and the `redis:` section of the bound config, else the defaults.
 */
import type { interfaces } from 'inversify';
import { defaultConfig } from '../config/loadConfig.js';
import { TYPES } from '../identifiers.js';
import type { StoreConfig } from './StoresModule.js';

export function storeConfigOf(container: interfaces.Container): StoreConfig {
  const config = container.isBound(TYPES.PicoConfig) ? container.get(TYPES.PicoConfig) : defaultConfig();
  const settings = container.isBound(TYPES.ServerAuthSettings) ? container.get(TYPES.ServerAuthSettings) : config.server_auth;
  return { server_auth: settings, redis: config.redis };
}
