/**
 * @module stores/redis/RedisKeyStore
 * Signing keys in Redis, shared by every instance and the `keys` CLI without a
 * shared directory (`redis.key_store: true`). Same semantics as
 * `FileKeyStore`; only the storage differs: one hash of key records and a
 * version counter every conditional write checks (`RedisKeyRecords`), so of
 * any number of instances starting at once on an empty Redis exactly one
 * creates the first key, and the others adopt it.
 *
 * Reads come from memory: at most once per `refreshSeconds` (injected clock) a
 * call fetches the list of kids and the records of kids not seen before, in
 * one round trip. Which key signs and which are published is computed by
 * `scheduleKeys` from the records and the clock, so this store, the file store
 * and every instance agree, and keys keep activating and dropping out on time
 * while Redis is away: an outage is logged once and the keys held in memory
 * keep signing and verifying; only `rotate()` (and a first start) need Redis
 * and fail with `ServiceUnavailable`. When Redis comes back empty (restarted
 * without persistence, flushed), a running instance writes the records it
 * holds back, so later instances adopt the same keys instead of making one.
 * The caching and the outage handling are `CachedKeyStore`'s.
 */
import { ServiceUnavailable } from '../../errors/errors.js';
import { createKeyRecord, importKeyRecord, parseKeyRecord, type KeyRecord } from '../../keys/KeyRecord.js';
import type { KeyTiming, ScheduledKey } from '../../keys/scheduleKeys.js';
import {
  CachedKeyStore, type CachedKeyStoreOptions, type HeldKey, type KeySnapshot, type OpenedKeys, type RotatedKeys,
} from '../CachedKeyStore.js';
import type { RedisConnection } from './RedisConnection.js';
import { RedisKeyRecords } from './RedisKeyRecords.js';

export type RedisKeyStoreOptions = CachedKeyStoreOptions;

const STORE = 'key store';
/** Conditional writes retried this often when other writers keep coming first. */
const MAX_WRITE_ATTEMPTS = 5;

interface StoredKey extends HeldKey {
  /** The record exactly as stored (written back if Redis comes back empty). */
  readonly json: string;
}

interface Snapshot extends KeySnapshot {
  /** kid -> key. */
  readonly keys: ReadonlyMap<string, StoredKey>;
  /** The version counter the keys were read (or written) at. */
  readonly version: string;
}

export class RedisKeyStore extends CachedKeyStore<Snapshot> {
  readonly #redis: RedisConnection;
  readonly #records: RedisKeyRecords;
  /** Kids whose record failed to load: reported once, not fetched again (records are never rewritten). */
  readonly #bad = new Set<string>();

  constructor(redis: RedisConnection, options: RedisKeyStoreOptions) {
    super(options);
    this.#redis = redis;
    this.#records = new RedisKeyRecords(redis);
  }

  /** Where the keys are, for messages: the Redis URL (without credentials) and the hash. */
  override get location(): string {
    return `Redis at ${this.#redis.url} (${this.#records.hash})`;
  }

  /** Creates a key when there is none or the algorithm changed: of writers racing, exactly one adds it. */
  protected override async openKeys(): Promise<OpenedKeys<Snapshot>> {
    return this.#addKey(await this.#read(undefined, true), (current) => this.needsKey(current), false);
  }

  protected override readKeys(previous: Snapshot): Promise<Snapshot> {
    return this.#read(previous, true);
  }

  protected override peekKeys(): Promise<Snapshot> {
    return this.#read(this.held, false);
  }

  /**
   * Adds the key and deletes the records of dropped keys in one atomic write.
   * @throws ServiceUnavailable when Redis cannot be reached.
   */
  protected override async rotateKeys(): Promise<RotatedKeys<Snapshot>> {
    const { snapshot, added, pruned } = await this.#addKey(await this.#read(this.held, true), () => true, true);
    return { snapshot, key: added!, pruned };
  }

  protected override reportNoUsableKey(): void {
    this.logger.error(`signing keys: ${this.location} holds no usable key record; keeping the keys loaded before`);
  }

  protected override reportRefreshFailing(error: unknown, held: Snapshot): void {
    this.logger.warn(
      `signing keys: cannot refresh from ${this.location} (${(error as Error).message}); ` +
        `signing and verifying with the ${held.keys.size} key(s) held in memory until it answers`,
    );
  }

  protected override reportRefreshRecovered(): void {
    this.logger.info(`signing keys: reading ${this.location} again`);
  }

  /**
   * Adds a key while `wanted` holds for the current view. A write that another
   * writer overtook is dropped and decided again on a fresh read; the key
   * pair is generated once and only re-timed.
   */
  async #addKey(
    start: Snapshot,
    wanted: (snapshot: Snapshot) => boolean,
    prune: boolean,
  ): Promise<{ snapshot: Snapshot; added?: ScheduledKey; pruned: string[] }> {
    let snapshot = start;
    let made: { record: KeyRecord; scheduled: ScheduledKey } | undefined;
    for (let attempt = 1; ; attempt += 1) {
      if (!wanted(snapshot)) return { snapshot, pruned: [] };
      const timing = this.nextTiming(snapshot);
      made = made === undefined ? await createKeyRecord(this.policy.algorithm, timing) : retime(made, timing);
      const { record, scheduled } = made;
      const json = JSON.stringify(record);
      const keys = new Map(snapshot.keys).set(record.kid, { scheduled, json });
      const pruned = prune ? this.dropped(keys) : [];
      const version = await this.#redis.run(STORE, () => this.#records.add(snapshot.version, record.kid, json, pruned));
      if (version === -1) throw new Error(`key store: kid ${record.kid} exists already in ${this.location}`);
      if (version > 0) {
        for (const kid of pruned) keys.delete(kid);
        return { snapshot: { keys, version: String(version), listedAt: snapshot.listedAt }, added: scheduled, pruned };
      }
      if (attempt === MAX_WRITE_ATTEMPTS) {
        throw new ServiceUnavailable(`store busy: ${STORE}: the signing keys in Redis kept changing, retry later`, {
          headers: { 'Retry-After': '1' },
        });
      }
      snapshot = await this.#read(snapshot, true);
    }
  }

  /**
   * Reads Redis, keeping keys already held and loading new records. When
   * Redis holds no record at all but `previous` holds keys (Redis restarted
   * empty, or was flushed), writes them back if `restore`.
   */
  async #read(previous: Snapshot | undefined, restore: boolean): Promise<Snapshot> {
    for (let attempt = 1; ; attempt += 1) {
      const listedAt = this.clock.now();
      const known = [...(previous?.keys.keys() ?? []), ...this.#bad];
      const [version, kids, fresh] = await this.#redis.run(STORE, () => this.#records.read(known));
      if (kids.length === 0 && restore && previous !== undefined && previous.keys.size > 0 && attempt < MAX_WRITE_ATTEMPTS) {
        const restored = await this.#restore(previous);
        if (restored !== undefined) return { keys: previous.keys, version: restored, listedAt };
        continue; // another writer filled it meanwhile: read that
      }
      const keys = new Map<string, StoredKey>();
      const records = new Map<string, string>();
      for (let i = 0; i + 1 < fresh.length; i += 2) records.set(fresh[i]!, fresh[i + 1]!);
      for (const kid of kids) {
        const held = previous?.keys.get(kid);
        if (held !== undefined) keys.set(kid, held);
        const json = records.get(kid);
        if (json === undefined) continue; // held already, or unusable
        const loaded = await this.#load(kid, json);
        if (loaded === undefined) continue;
        keys.set(kid, loaded);
        if (previous !== undefined) this.logger.info(`picked up signing key ${kid} (${loaded.scheduled.key.alg})`);
      }
      return { keys, version, listedAt };
    }
  }

  /** Writes the held records back into an empty hash; the new version, or undefined when it was not empty. */
  async #restore(previous: Snapshot): Promise<string | undefined> {
    const pairs = [...previous.keys].flatMap(([kid, held]) => [kid, held.json]);
    const version = await this.#redis.run(STORE, () => this.#records.restore(pairs));
    if (version === 0) return undefined;
    this.logger.warn(
      `signing keys: ${this.location} held no key (restarted without persistence, or flushed?); ` +
        `wrote back the ${previous.keys.size} key(s) held in memory`,
    );
    return String(version);
  }

  /** Parses and imports one record; an unusable one is reported once and skipped from then on. */
  async #load(kid: string, json: string): Promise<StoredKey | undefined> {
    try {
      const record = parseKeyRecord(JSON.parse(json));
      if (record.kid !== kid) throw new TypeError(`holds kid ${record.kid}, not the one it is stored under`);
      return { scheduled: await importKeyRecord(record), json };
    } catch (error) {
      this.#bad.add(kid);
      this.logger.warn(`ignoring signing key record ${kid} in ${this.location}: ${(error as Error).message}`);
      return undefined;
    }
  }
}

/** The same key pair with new timing (a retried write decides timing and sequence again). */
function retime(
  made: { readonly record: KeyRecord; readonly scheduled: ScheduledKey },
  timing: KeyTiming,
): { record: KeyRecord; scheduled: ScheduledKey } {
  return {
    record: { ...made.record, created_at: timing.createdAt, activates_at: timing.activatesAt, sequence: timing.sequence },
    scheduled: Object.freeze({ key: made.scheduled.key, ...timing }),
  };
}
