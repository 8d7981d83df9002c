/**
 * @module stores/KeyStore
 * Where token signing keys come from. The defaults are `FileKeyStore` (a key
 * directory shared by every instance, `server_auth.key_directory`) and
 * `MemoryKeyStore` (one key per process, for development), and `RedisKeyStore`
 * with `redis.key_store`. Bind your own under `TYPES.KeyStore` to load keys
 * from a secrets manager or a shared database.
 */
import type { KeySchedule, KeyStatus, ScheduledKey } from '../keys/scheduleKeys.js';
import type { SigningKey } from '../tokens/SigningKey.js';

// The key types are derived from the token algorithm registry (tokens/SigningKey.ts).
export type { JoseSigningKey, MlDsaSigningKey, SigningKey } from '../tokens/SigningKey.js';

/**
 * Both methods are called on every token issued or verified, so they must be
 * cheap: answer from memory and refresh in the background or on an interval.
 */
export interface KeyStore {
  /** The one key that signs new tokens now. */
  signingKey(): Promise<SigningKey>;
  /**
   * Exactly the JWKS: every key whose tokens may still be unexpired (the
   * signing key and retired keys within their retirement window) plus keys
   * published ahead of signing. A token whose `kid` is not here is refused.
   */
  verificationKeys(): Promise<readonly SigningKey[]>;
  /** Optional: where the keys are, for the `keys` CLI and messages (a store without it is named by its class). */
  describe?(): KeyStoreDescription;
}

/** What `KeyStore.describe()` tells the CLI. */
export interface KeyStoreDescription {
  /** Where the keys are, for messages: a directory, a Redis URL with the hash, this process's memory. */
  readonly location: string;
  /**
   * Whether other processes (other instances, the `keys` and `mint` CLI) see
   * the same keys. False for keys held in one process's memory: the CLI then
   * refuses to rotate them or mint with them.
   */
  readonly shared: boolean;
}

export interface RotationResult {
  /** The new key: published now, signing from `activatesAt`. */
  readonly key: ScheduledKey;
  /** Kids removed because their retirement window had passed. */
  readonly pruned: readonly string[];
}

/** A key store that follows the built-in schedule (both built-in drivers do). */
export interface RotatingKeyStore extends KeyStore {
  /** Every key with its state at the clock's current time. */
  schedule(): Promise<KeySchedule>;
  /** Publishes a new key now; it signs after the publish lead time. */
  rotate(): Promise<RotationResult>;
  /** Optional: every stored key with its state, read without creating one (`keys list`); else `schedule()` is used. */
  statuses?(): Promise<readonly KeyStatus[]>;
}
