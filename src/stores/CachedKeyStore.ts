/**
 * @module stores/CachedKeyStore
 * What the file and Redis key stores share: signing keys in storage shared by
 * every instance and the `keys` CLI, held in memory so signing and verifying
 * cost no I/O per token, and re-read at most once per `refreshSeconds`
 * (injected clock) so another process's rotation is picked up without a
 * restart. Which key signs and which are published follows from the records
 * and the clock alone (`scheduleKeys`), so keys keep activating and dropping
 * out on time even while the storage cannot be read. A subclass says how its
 * storage is opened, read and written, and how it reports trouble.
 */
import type { KeyPolicy } from '../keys/keyPolicy.js';
import {
  nextSequence, scheduleKeys, type KeySchedule, type KeyStatus, type KeyTiming, type ScheduledKey,
} from '../keys/scheduleKeys.js';
import type { Logger } from '../logging/Logger.js';
import { epochSeconds, type Clock } from '../time/Clock.js';
import type { KeyStoreDescription, RotatingKeyStore, RotationResult, SigningKey } from './KeyStore.js';

export interface CachedKeyStoreOptions {
  readonly policy: KeyPolicy;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** One key held in memory; a subclass may keep more beside it (Redis: the record as stored). */
export interface HeldKey {
  readonly scheduled: ScheduledKey;
}

/** The keys read from storage at one time. */
export interface KeySnapshot {
  /** Name in storage (file name, kid) -> key. */
  readonly keys: ReadonlyMap<string, HeldKey>;
  /** Clock time (ms) of the read. */
  readonly listedAt: number;
}

/** What the first read found, with the key it added (when there was none, or the algorithm changed). */
export interface OpenedKeys<S extends KeySnapshot> {
  readonly snapshot: S;
  readonly added?: ScheduledKey;
}

/** The keys after a rotation, and what it did. */
export interface RotatedKeys<S extends KeySnapshot> extends RotationResult {
  readonly snapshot: S;
}

export abstract class CachedKeyStore<S extends KeySnapshot> implements RotatingKeyStore {
  protected readonly policy: KeyPolicy;
  protected readonly clock: Clock;
  protected readonly logger: Logger;
  #snapshot: S | undefined;
  #loading: Promise<S> | undefined;
  #refreshFailing = false;

  constructor(options: CachedKeyStoreOptions) {
    this.policy = options.policy;
    this.clock = options.clock;
    this.logger = options.logger;
  }

  /** Where the keys are, for messages. */
  protected abstract get location(): string;

  /** First read: adds a key when `needsKey`, agreeing with other instances that open the storage at once. */
  protected abstract openKeys(): Promise<OpenedKeys<S>>;

  /** A later read: keeps the keys of `previous` still stored and loads the others. */
  protected abstract readKeys(previous: S): Promise<S>;

  /** Reads the stored keys now and writes nothing (no key created, nothing restored); nothing stored reads as no keys. */
  protected abstract peekKeys(): Promise<S>;

  /** Adds a key of the configured algorithm and deletes the `dropped` ones, safely against other writers. */
  protected abstract rotateKeys(): Promise<RotatedKeys<S>>;

  /** Logs that a re-read found no usable key (the keys held are kept). */
  protected abstract reportNoUsableKey(): void;

  /** Logs the first failed re-read of an outage (the keys held keep serving). */
  protected abstract reportRefreshFailing(error: unknown, held: S): void;

  /** Logs the first successful re-read after an outage; by default nothing. */
  protected reportRefreshRecovered(): void {}

  async signingKey(): Promise<SigningKey> {
    return (await this.schedule()).signing;
  }

  async verificationKeys(): Promise<readonly SigningKey[]> {
    return (await this.schedule()).published;
  }

  /** Every key with its state at the clock's current time. */
  async schedule(): Promise<KeySchedule> {
    return this.#scheduleOf((await this.#current()).keys);
  }

  /** Where the keys are; storage every instance and the CLI share. */
  describe(): KeyStoreDescription {
    return { location: this.location, shared: true };
  }

  /** Every stored key with its state, read now; creates and restores nothing (no stored key lists nothing). */
  async statuses(): Promise<readonly KeyStatus[]> {
    const snapshot = await this.peekKeys();
    return snapshot.keys.size === 0 ? [] : this.#scheduleOf(snapshot.keys).statuses;
  }

  /** Re-reads the storage now instead of at the next refresh interval. */
  async refresh(): Promise<void> {
    const snapshot = this.#snapshot;
    this.#snapshot = await this.#coalesce(() => (snapshot === undefined ? this.#open() : this.#reread(snapshot)));
  }

  /**
   * Publishes a new key of the configured algorithm; it signs after the
   * publish lead time (at once if the storage held no key). Deletes the keys
   * whose retirement window has passed.
   */
  async rotate(): Promise<RotationResult> {
    const { snapshot, key, pruned } = await this.rotateKeys();
    this.#snapshot = snapshot;
    return { key, pruned };
  }

  /** The keys held in memory, if read yet. */
  protected get held(): S | undefined {
    return this.#snapshot;
  }

  /** Whether a key must be added: there is none, or the newest is not of the configured algorithm. */
  protected needsKey(snapshot: KeySnapshot): boolean {
    if (snapshot.keys.size === 0) return true;
    return this.#scheduleOf(snapshot.keys).statuses.at(-1)!.key.alg !== this.policy.algorithm;
  }

  /** Timing of a key added beside `existing` now: signing at once if there is no other key, else after the lead time. */
  protected nextTiming(existing: KeySnapshot): KeyTiming {
    const now = epochSeconds(this.clock);
    const activatesAt = existing.keys.size === 0 ? now : now + this.policy.publishLeadSeconds;
    const sequence = nextSequence([...existing.keys.values()].map((held) => held.scheduled));
    return { createdAt: now, activatesAt, sequence };
  }

  /** Kids whose retirement window has passed at the clock's current time. */
  protected dropped(keys: ReadonlyMap<string, HeldKey>): string[] {
    return this.#scheduleOf(keys).statuses.filter((status) => status.state === 'dropped').map((status) => status.key.kid);
  }

  async #current(): Promise<S> {
    const snapshot = this.#snapshot;
    if (snapshot === undefined) {
      this.#snapshot = await this.#coalesce(() => this.#open());
      return this.#snapshot;
    }
    if (this.clock.now() - snapshot.listedAt < this.policy.refreshSeconds * 1000) return snapshot;
    let next: S;
    try {
      next = await this.#coalesce(() => this.#reread(snapshot));
      if (this.#refreshFailing) this.reportRefreshRecovered();
      this.#refreshFailing = false;
    } catch (error) {
      // Keep signing and verifying with the keys we hold; try again at the next interval.
      if (!this.#refreshFailing) this.reportRefreshFailing(error, snapshot);
      this.#refreshFailing = true;
      next = { ...snapshot, listedAt: this.clock.now() };
    }
    // A rotate() that finished meanwhile holds a newer view: keep it.
    if (this.#snapshot === snapshot) this.#snapshot = next;
    return this.#snapshot ?? next;
  }

  /** Runs one load at a time; concurrent callers share it. */
  async #coalesce(load: () => Promise<S>): Promise<S> {
    this.#loading ??= load().finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  /** First load: logs the key it added, if any, and the key that signs. */
  async #open(): Promise<S> {
    const { snapshot, added } = await this.openKeys();
    if (added !== undefined) {
      this.logger.info(
        snapshot.keys.size === 1 // the new key is the only one: the storage held none
          ? `created signing key ${added.key.kid} (${added.key.alg}) in ${this.location}`
          : `algorithm changed to ${added.key.alg}: published key ${added.key.kid}, ` +
              `signing from ${new Date(added.activatesAt * 1000).toISOString()}`,
      );
    }
    const signing = this.#scheduleOf(snapshot.keys).signing;
    this.logger.info(`${snapshot.keys.size} signing key(s) in ${this.location}; signing with ${signing.kid} (${signing.alg})`);
    return snapshot;
  }

  /** A refresh: keys no longer stored are forgotten, but never all of them (the server must keep signing). */
  async #reread(previous: S): Promise<S> {
    const next = await this.readKeys(previous);
    if (next.keys.size > 0) return next;
    this.reportNoUsableKey();
    return { ...next, keys: previous.keys };
  }

  #scheduleOf(keys: ReadonlyMap<string, HeldKey>): KeySchedule {
    const scheduled = [...keys.values()].map((held) => held.scheduled);
    return scheduleKeys(scheduled, epochSeconds(this.clock), this.policy.retireAfterSeconds);
  }
}
