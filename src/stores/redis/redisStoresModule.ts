/**
 * @module stores/redis/redisStoresModule
 * `redisStoresModule(options)`: one container module that binds every shared
 * store (challenges, revocations, mint audit, refresh rotation) to its Redis
 * driver over one connection, and the signing keys too when asked
 * (`{ keyStore: true }`, `redis.key_store`). Each binding is `rebind` when
 * something is bound already and `bind` otherwise, so the module works loaded before
 * `serverAuthModule` (whose defaults then never bind) or after it (replacing
 * them). With a `redis.url` in the config, `init()` loads it first through
 * the Redis driver (`redisStores.ts`).
 */
import { ContainerModule, type interfaces } from 'inversify';
import { defaultConfig } from '../../config/loadConfig.js';
import type { RedisSettings, ServerAuthSettings } from '../../config/ServerAuthSettings.js';
import { TYPES } from '../../identifiers.js';
import { keyPolicy } from '../../keys/keyPolicy.js';
import { consoleLogger } from '../../logging/Logger.js';
import { systemClock } from '../../time/Clock.js';
import { RedisChallengeStore } from './RedisChallengeStore.js';
import { RedisConnection, type RedisConnectionOptions } from './RedisConnection.js';
import { RedisKeyStore } from './RedisKeyStore.js';
import { RedisMintAuditStore } from './RedisMintAuditStore.js';
import { RedisRevocationStore } from './RedisRevocationStore.js';
import { RedisTokenFamilyStore } from './RedisTokenFamilyStore.js';

export interface RedisStoresModule extends interfaces.ContainerModule {
  /** The client every store of this module uses. */
  readonly connection: RedisConnection;
  /** Resolves once Redis answers; BootError (URL without credentials) after the connect timeout. */
  connect(): Promise<void>;
  /** Closes the client: call it when the server stops. */
  close(): Promise<void>;
}

/** Which optional stores the module binds besides the shared ones. */
export interface RedisStoresOptions {
  /**
   * Keep the signing keys in Redis too (`TYPES.KeyStore` -> `RedisKeyStore`).
   * Default false: keys stay in `server_auth.key_directory`.
   */
  readonly keyStore?: boolean;
}

function settingsOf(ctx: interfaces.Context): ServerAuthSettings {
  return ctx.container.isBound(TYPES.ServerAuthSettings)
    ? ctx.container.get<ServerAuthSettings>(TYPES.ServerAuthSettings)
    : defaultConfig().server_auth;
}

/**
 * @param options connection settings, or a `RedisConnection` to share with
 *   other code. Store limits (challenge TTL and bound, audit cap) come from
 *   the container's `ServerAuthSettings`.
 * @param stores `{ keyStore: true }` binds the signing keys to Redis as well.
 */
export function redisStoresModule(
  options: RedisConnectionOptions | RedisConnection,
  stores: RedisStoresOptions = {},
): RedisStoresModule {
  const connection = options instanceof RedisConnection ? options : new RedisConnection(options);
  const ownLogger = !(options instanceof RedisConnection) && options.logger !== undefined;

  const module = new ContainerModule((bind, _unbind, isBound, rebind) => {
    const put = <T>(id: interfaces.ServiceIdentifier<T>): interfaces.BindingToSyntax<T> =>
      isBound(id) ? rebind<T>(id) : bind<T>(id);
    const redis = (ctx: interfaces.Context): RedisConnection => ctx.container.get(TYPES.RedisConnection);

    put(TYPES.RedisConnection)
      .toDynamicValue((ctx) => {
        if (!ownLogger && ctx.container.isBound(TYPES.Logger)) connection.useLogger(ctx.container.get(TYPES.Logger));
        connection.start();
        return connection;
      })
      .inSingletonScope();
    put(TYPES.ChallengeStore)
      .toDynamicValue((ctx) => {
        const settings = settingsOf(ctx);
        return new RedisChallengeStore(redis(ctx), {
          ttlSeconds: settings.challenge_ttl_seconds,
          maxPending: settings.challenge_max_pending,
        });
      })
      .inSingletonScope();
    put(TYPES.RevocationStore)
      .toDynamicValue((ctx) => new RedisRevocationStore(redis(ctx)))
      .inSingletonScope();
    put(TYPES.MintAuditStore)
      .toDynamicValue((ctx) => new RedisMintAuditStore(redis(ctx), settingsOf(ctx).mint_audit_max_in_memory))
      .inSingletonScope();
    put(TYPES.TokenFamilyStore)
      .toDynamicValue((ctx) => {
        const clock = ctx.container.isBound(TYPES.Clock) ? ctx.container.get(TYPES.Clock) : systemClock;
        return new RedisTokenFamilyStore(redis(ctx), clock);
      })
      .inSingletonScope();
    if (stores.keyStore === true) {
      put(TYPES.KeyStore)
        .toDynamicValue((ctx) => new RedisKeyStore(redis(ctx), {
          policy: keyPolicy(settingsOf(ctx)),
          clock: ctx.container.isBound(TYPES.Clock) ? ctx.container.get(TYPES.Clock) : systemClock,
          logger: ctx.container.isBound(TYPES.Logger) ? ctx.container.get(TYPES.Logger) : consoleLogger,
        }))
        .inSingletonScope();
    }
  });

  return Object.assign(module, {
    connection,
    connect: (): Promise<void> => connection.connect(),
    close: (): Promise<void> => connection.close(),
  });
}

/** The module for a config's `redis:` section, or undefined when `redis.url` is empty. */
export function redisStoresModuleFromConfig(redis: RedisSettings): RedisStoresModule | undefined {
  if (redis.url === '') return undefined;
  return redisStoresModule({
    url: redis.url,
    keyPrefix: redis.key_prefix,
    connectTimeoutMs: redis.connect_timeout_ms,
    commandTimeoutMs: redis.command_timeout_ms,
  }, { keyStore: redis.key_store });
}

/** Waits for the container's Redis connection, if it has one (startup). */
export async function connectRedis(container: interfaces.Container): Promise<void> {
  if (!container.isBound(TYPES.RedisConnection)) return;
  const connection = container.get(TYPES.RedisConnection);
  try {
    await connection.connect();
  } catch (error) {
    await connection.close();
    throw error;
  }
  if (!container.isBound(TYPES.PicoConfig) || !container.isBound(TYPES.Logger)) return;
  const { server_auth: settings, redis } = container.get(TYPES.PicoConfig);
  for (const key of STORE_PATHS) {
    if (settings[key] !== '') {
      container.get(TYPES.Logger).warn(`server_auth.${key} is not used: the stores live in Redis (${connection.url})`);
    }
  }
  if (redis.key_store && settings.key_directory !== '') {
    container.get(TYPES.Logger).warn(
      `server_auth.key_directory is not used: the signing keys live in Redis (${connection.url}, redis.key_store)`,
    );
  }
}

/** File-store settings the Redis stores replace. */
const STORE_PATHS = ['revocation_store_path', 'mint_audit_path', 'token_family_store_path'] as const;

/** Closes the container's Redis connection, if it has one (shutdown). */
export async function closeRedis(container: interfaces.Container): Promise<void> {
  if (container.isBound(TYPES.RedisConnection)) await container.get(TYPES.RedisConnection).close();
}
