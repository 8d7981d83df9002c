/**
 * @module stores/redis/redisStores
 * The Redis driver: with `redis.url` set, every shared store (challenges,
 * revocations, mint audit, refresh rotation, and the signing keys with
 * `redis.key_store`) lives in Redis over one connection. It is a shared
 * driver: `init()` loads its module before any other, so it replaces the
 * single-process defaults. `connect` and `close` act on the container's
 * Redis connection, whoever bound it (this driver or a `redisStoresModule`
 * the caller loaded).
 */
import type { StoreConfig, StoreKind, SharedStoresModule } from '../StoresModule.js';
import { closeRedis, connectRedis, redisStoresModuleFromConfig } from './redisStoresModule.js';

const SHARED: readonly StoreKind[] = ['ChallengeStore', 'RevocationStore', 'MintAuditStore', 'TokenFamilyStore'];

export const redisStores: SharedStoresModule = Object.freeze({
  name: 'redis',
  binds: 'first',
  provides: (config: StoreConfig): readonly StoreKind[] => {
    if (config.redis.url === '') return [];
    return config.redis.key_store ? [...SHARED, 'KeyStore'] : SHARED;
  },
  module: (config: StoreConfig) => {
    const module = redisStoresModuleFromConfig(config.redis);
    if (module === undefined) throw new TypeError('redisStores.module(): redis.url is empty');
    return module;
  },
  connect: connectRedis,
  close: closeRedis,
});
