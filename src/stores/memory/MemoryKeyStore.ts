/**
 * @module stores/memory/MemoryKeyStore
 * Signing keys held by this process only: one is generated on first use, and
 * `rotate()` adds the next one with the same schedule the file store follows.
 * Tokens it signs stop validating when the process restarts, and other
 * instances cannot validate them: a development default (`key_directory: ""`).
 */
import { defaultConfig } from '../../config/loadConfig.js';
import { createKeyRecord } from '../../keys/KeyRecord.js';
import { keyPolicy, type KeyPolicy } from '../../keys/keyPolicy.js';
import { nextSequence, scheduleKeys, type KeySchedule, type ScheduledKey } from '../../keys/scheduleKeys.js';
import { epochSeconds, systemClock, type Clock } from '../../time/Clock.js';
import type { TokenAlgorithm } from '../../tokens/TokenAlgorithm.js';
import type { KeyStoreDescription, RotatingKeyStore, RotationResult, SigningKey } from '../KeyStore.js';

export interface MemoryKeyStoreOptions {
  /** Algorithm, lead time and retirement window (default: the documented config defaults). */
  readonly policy?: KeyPolicy;
  readonly clock?: Clock;
}

export class MemoryKeyStore implements RotatingKeyStore {
  readonly #policy: KeyPolicy;
  readonly #clock: Clock;
  #keys: Promise<readonly ScheduledKey[]> | undefined;

  /** @param options an algorithm (with default policy and system clock), or the full options. */
  constructor(options: TokenAlgorithm | MemoryKeyStoreOptions = 'RS256') {
    const given = typeof options === 'string' ? {} : options;
    const algorithm = typeof options === 'string' ? options : undefined;
    const policy = given.policy ?? keyPolicy(defaultConfig().server_auth);
    this.#policy = algorithm === undefined ? policy : { ...policy, algorithm };
    this.#clock = given.clock ?? systemClock;
  }

  async signingKey(): Promise<SigningKey> {
    return (await this.schedule()).signing;
  }

  async verificationKeys(): Promise<readonly SigningKey[]> {
    return (await this.schedule()).published;
  }

  /** Every key with its state at the clock's current time. */
  async schedule(): Promise<KeySchedule> {
    return scheduleKeys(await this.#ensure(), epochSeconds(this.#clock), this.#policy.retireAfterSeconds);
  }

  /** Keys of this process alone: the CLI, run as another process, cannot see them. */
  describe(): KeyStoreDescription {
    return { location: "this process's memory", shared: false };
  }

  /** Publishes a new key now; it signs after the publish lead time. Forgets keys past their window. */
  async rotate(): Promise<RotationResult> {
    let result: RotationResult | undefined;
    const next = this.#ensure().then(async (keys) => {
      const now = epochSeconds(this.#clock);
      const timing = { createdAt: now, activatesAt: now + this.#policy.publishLeadSeconds, sequence: nextSequence(keys) };
      const { scheduled } = await createKeyRecord(this.#policy.algorithm, timing);
      const { statuses } = scheduleKeys([...keys, scheduled], now, this.#policy.retireAfterSeconds);
      const kept = statuses.filter((status) => status.state !== 'dropped');
      result = { key: scheduled, pruned: statuses.filter((status) => status.state === 'dropped').map((s) => s.key.kid) };
      return kept.map(({ key, createdAt, activatesAt, sequence }) => ({ key, createdAt, activatesAt, sequence }));
    });
    this.#keys = next;
    await next;
    return result!;
  }

  #ensure(): Promise<readonly ScheduledKey[]> {
    this.#keys ??= (async () => {
      const now = epochSeconds(this.#clock);
      return [(await createKeyRecord(this.#policy.algorithm, { createdAt: now, activatesAt: now, sequence: 0 })).scheduled];
    })();
    return this.#keys;
  }
}
