/**
 * @module stores/redis/RedisKeyStore
 * Signing keys in Redis, shared by every instance and the `keys` CLI without a
 * shared directory (`redis.key_store: true`). Same semantics as
 * `FileKeyStore`; only the storage differs:
 *
 * - `<prefix>signing-keys`: hash kid -> key record (JSON, exactly `KeyRecord`:
 *   the private JWK with `created_at`, `activates_at`, `sequence`). A record
 *   is written once (`HSETNX`) and never changed; `rotate()` deletes the
 *   records of keys whose retirement window has passed.
 * - `<prefix>signing-keys:version`: a counter every write increments. A write
 *   is a Lua script that applies only when the counter still has the value
 *   the writer read, so decisions taken on a stale view (is there a key yet?
 *   has the algorithm changed?) are re-taken instead of applied: of any number
 *   of instances starting at once on an empty Redis exactly one creates the
 *   first key, and the others adopt it.
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
 */
import { ServiceUnavailable } from '../../errors/errors.js';
import { createKeyRecord, importKeyRecord, parseKeyRecord, type KeyRecord } from '../../keys/KeyRecord.js';
import type { KeyPolicy } from '../../keys/keyPolicy.js';
import {
  nextSequence, scheduleKeys, type KeySchedule, type KeyStatus, type KeyTiming, type ScheduledKey,
} from '../../keys/scheduleKeys.js';
import type { Logger } from '../../logging/Logger.js';
import { epochSeconds, type Clock } from '../../time/Clock.js';
import type { RotatingKeyStore, RotationResult, SigningKey } from '../KeyStore.js';
import type { RedisConnection, Script } from './RedisConnection.js';

export interface RedisKeyStoreOptions {
  readonly policy: KeyPolicy;
  readonly clock: Clock;
  readonly logger: Logger;
}

// KEYS: hash, version. ARGV: kids the caller holds already (or knows to be unusable).
// Returns { version, every kid, { kid, record JSON, ... } for the kids not in ARGV }: one consistent view.
const READ = `
local known = {}
for i = 1, #ARGV do known[ARGV[i]] = true end
local kids = redis.call('HKEYS', KEYS[1])
local fresh = {}
for _, kid in ipairs(kids) do
  if not known[kid] then
    fresh[#fresh + 1] = kid
    fresh[#fresh + 1] = redis.call('HGET', KEYS[1], kid)
  end
end
return { redis.call('GET', KEYS[2]) or '0', kids, fresh }
`;

// KEYS: hash, version. ARGV: version read, new kid, its record JSON, kids to delete...
// Returns the new version, 0 when another writer came first (nothing written), -1 when the kid exists.
const ADD = `
if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[1] then return 0 end
if redis.call('HSETNX', KEYS[1], ARGV[2], ARGV[3]) == 0 then return -1 end
for i = 4, #ARGV do redis.call('HDEL', KEYS[1], ARGV[i]) end
return redis.call('INCR', KEYS[2])
`;

// KEYS: hash, version. ARGV: kid, record JSON, kid, record JSON, ...
// Writes the records back only into an empty hash; returns the new version, or 0 when it was not empty.
const RESTORE = `
if redis.call('HLEN', KEYS[1]) > 0 then return 0 end
for i = 1, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
return redis.call('INCR', KEYS[2])
`;

const STORE = 'key store';
/** Conditional writes retried this often when other writers keep coming first. */
const MAX_WRITE_ATTEMPTS = 5;

interface HeldKey {
  readonly scheduled: ScheduledKey;
  /** The record exactly as stored (written back if Redis comes back empty). */
  readonly json: string;
}

interface Snapshot {
  /** kid -> key. */
  readonly keys: ReadonlyMap<string, HeldKey>;
  /** The version counter the keys were read (or written) at. */
  readonly version: string;
  /** Clock time (ms) of the read. */
  readonly listedAt: number;
}

type ReadReply = [string, string[], string[]];

export class RedisKeyStore implements RotatingKeyStore {
  readonly #redis: RedisConnection;
  readonly #policy: KeyPolicy;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #hash: string;
  readonly #version: string;
  readonly #readScript: Script;
  readonly #addScript: Script;
  readonly #restoreScript: Script;
  #snapshot: Snapshot | undefined;
  #loading: Promise<Snapshot> | undefined;
  /** Kids whose record failed to load: reported once, not fetched again (records are never rewritten). */
  readonly #bad = new Set<string>();
  #refreshFailing = false;

  constructor(redis: RedisConnection, options: RedisKeyStoreOptions) {
    this.#redis = redis;
    this.#policy = options.policy;
    this.#clock = options.clock;
    this.#logger = options.logger;
    this.#hash = redis.key('signing-keys');
    this.#version = redis.key('signing-keys', 'version');
    this.#readScript = redis.script('keysRead', 2, READ);
    this.#addScript = redis.script('keysAdd', 2, ADD);
    this.#restoreScript = redis.script('keysRestore', 2, RESTORE);
  }

  /** Where the keys are, for messages: the Redis URL (without credentials) and the hash. */
  get location(): string {
    return `Redis at ${this.#redis.url} (${this.#hash})`;
  }

  async signingKey(): Promise<SigningKey> {
    return (await this.schedule()).signing;
  }

  async verificationKeys(): Promise<readonly SigningKey[]> {
    return (await this.schedule()).published;
  }

  /** Every key with its state at the clock's current time. */
  async schedule(): Promise<KeySchedule> {
    return this.#scheduleOf(await this.#current());
  }

  /** Every key in Redis with its state, read now; creates and restores nothing (an empty store lists nothing). */
  async statuses(): Promise<readonly KeyStatus[]> {
    const snapshot = await this.#read(this.#snapshot, false);
    return snapshot.keys.size === 0 ? [] : this.#scheduleOf(snapshot).statuses;
  }

  /** Re-reads Redis now instead of at the next refresh interval. */
  async refresh(): Promise<void> {
    const snapshot = this.#snapshot;
    this.#snapshot = await this.#coalesce(() => (snapshot === undefined ? this.#open() : this.#reread(snapshot)));
  }

  /**
   * Publishes a new key of the configured algorithm; it signs after the
   * publish lead time (at once if Redis held no key). Deletes the records of
   * keys whose retirement window has passed, in the same atomic write.
   * @throws ServiceUnavailable when Redis cannot be reached.
   */
  async rotate(): Promise<RotationResult> {
    const written = await this.#addKey(await this.#read(this.#snapshot, true), () => true, true);
    this.#snapshot = written.snapshot;
    return { key: written.added!, pruned: written.pruned };
  }

  async #current(): Promise<Snapshot> {
    const snapshot = this.#snapshot;
    if (snapshot === undefined) {
      this.#snapshot = await this.#coalesce(() => this.#open());
      return this.#snapshot;
    }
    if (this.#clock.now() - snapshot.listedAt < this.#policy.refreshSeconds * 1000) return snapshot;
    let next: Snapshot;
    try {
      next = await this.#coalesce(() => this.#reread(snapshot));
      if (this.#refreshFailing) this.#logger.info(`signing keys: reading ${this.location} again`);
      this.#refreshFailing = false;
    } catch (error) {
      // Keep signing and verifying with the keys we hold; try again at the next interval.
      if (!this.#refreshFailing) {
        this.#logger.warn(
          `signing keys: cannot refresh from ${this.location} (${(error as Error).message}); ` +
            `signing and verifying with the ${snapshot.keys.size} key(s) held in memory until it answers`,
        );
      }
      this.#refreshFailing = true;
      next = { ...snapshot, listedAt: this.#clock.now() };
    }
    // A rotate() that finished meanwhile holds a newer view: keep it.
    if (this.#snapshot === snapshot) this.#snapshot = next;
    return this.#snapshot ?? next;
  }

  /** Runs one load at a time; concurrent callers share it. */
  async #coalesce(load: () => Promise<Snapshot>): Promise<Snapshot> {
    this.#loading ??= load().finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  /** First load: creates a key when there is none or the configured algorithm differs from the newest key's. */
  async #open(): Promise<Snapshot> {
    const read = await this.#read(undefined, true);
    const { snapshot, added } = await this.#addKey(read, (current) => this.#needsKey(current), false);
    if (added !== undefined) {
      this.#logger.info(
        added.activatesAt <= epochSeconds(this.#clock)
          ? `created signing key ${added.key.kid} (${added.key.alg}) in ${this.location}`
          : `algorithm changed to ${added.key.alg}: published key ${added.key.kid}, ` +
              `signing from ${new Date(added.activatesAt * 1000).toISOString()}`,
      );
    }
    const signing = this.#scheduleOf(snapshot).signing;
    this.#logger.info(`${snapshot.keys.size} signing key(s) in ${this.location}; signing with ${signing.kid} (${signing.alg})`);
    return snapshot;
  }

  /**
   * Adds a key while `wanted` holds for the current view: signing at once if
   * there is no other key, else after the lead time. A write that another
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
      const now = epochSeconds(this.#clock);
      const timing: KeyTiming = {
        createdAt: now,
        activatesAt: snapshot.keys.size === 0 ? now : now + this.#policy.publishLeadSeconds,
        sequence: nextSequence([...snapshot.keys.values()].map((held) => held.scheduled)),
      };
      made = made === undefined ? await createKeyRecord(this.#policy.algorithm, timing) : retime(made, timing);
      const { record, scheduled } = made;
      const json = JSON.stringify(record);
      const keys = new Map(snapshot.keys).set(record.kid, { scheduled, json });
      const pruned = prune ? this.#dropped(keys) : [];
      const version = Number(await this.#redis.run(STORE, () =>
        this.#addScript([this.#hash, this.#version], [snapshot.version, record.kid, json, ...pruned]),
      ));
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

  /** Kids whose retirement window has passed at the clock's current time. */
  #dropped(keys: ReadonlyMap<string, HeldKey>): string[] {
    return this.#scheduleOf({ keys, version: '', listedAt: 0 }).statuses
      .filter((status) => status.state === 'dropped')
      .map((status) => status.key.kid);
  }

  #needsKey(snapshot: Snapshot): boolean {
    if (snapshot.keys.size === 0) return true;
    return this.#scheduleOf(snapshot).statuses.at(-1)!.key.alg !== this.#policy.algorithm;
  }

  #scheduleOf(snapshot: Snapshot): KeySchedule {
    const keys = [...snapshot.keys.values()].map((held) => held.scheduled);
    return scheduleKeys(keys, epochSeconds(this.#clock), this.#policy.retireAfterSeconds);
  }

  /** A refresh: keys whose records vanished are forgotten, but never all of them (the server must keep signing). */
  async #reread(previous: Snapshot): Promise<Snapshot> {
    const next = await this.#read(previous, true);
    if (next.keys.size > 0) return next;
    this.#logger.error(`signing keys: ${this.location} holds no usable key record; keeping the keys loaded before`);
    return { ...next, keys: previous.keys };
  }

  /**
   * Reads Redis, keeping keys already held and loading new records. When
   * Redis holds no record at all but `previous` holds keys (Redis restarted
   * empty, or was flushed), writes them back if `restore`.
   */
  async #read(previous: Snapshot | undefined, restore: boolean): Promise<Snapshot> {
    for (let attempt = 1; ; attempt += 1) {
      const listedAt = this.#clock.now();
      const known = [...(previous?.keys.keys() ?? []), ...this.#bad];
      const [version, kids, fresh] = (await this.#redis.run(STORE, () =>
        this.#readScript([this.#hash, this.#version], known),
      )) as ReadReply;
      if (kids.length === 0 && restore && previous !== undefined && previous.keys.size > 0 && attempt < MAX_WRITE_ATTEMPTS) {
        const restored = await this.#restore(previous);
        if (restored !== undefined) return { keys: previous.keys, version: restored, listedAt };
        continue; // another writer filled it meanwhile: read that
      }
      const keys = new Map<string, HeldKey>();
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
        if (previous !== undefined) this.#logger.info(`picked up signing key ${kid} (${loaded.scheduled.key.alg})`);
      }
      return { keys, version, listedAt };
    }
  }

  /** Writes the held records back into an empty hash; the new version, or undefined when it was not empty. */
  async #restore(previous: Snapshot): Promise<string | undefined> {
    const pairs = [...previous.keys].flatMap(([kid, held]) => [kid, held.json]);
    const version = Number(await this.#redis.run(STORE, () => this.#restoreScript([this.#hash, this.#version], pairs)));
    if (version === 0) return undefined;
    this.#logger.warn(
      `signing keys: ${this.location} held no key (restarted without persistence, or flushed?); ` +
        `wrote back the ${previous.keys.size} key(s) held in memory`,
    );
    return String(version);
  }

  /** Parses and imports one record; an unusable one is reported once and skipped from then on. */
  async #load(kid: string, json: string): Promise<HeldKey | undefined> {
    try {
      const record = parseKeyRecord(JSON.parse(json));
      if (record.kid !== kid) throw new TypeError(`holds kid ${record.kid}, not the one it is stored under`);
      return { scheduled: await importKeyRecord(record), json };
    } catch (error) {
      this.#bad.add(kid);
      this.#logger.warn(`ignoring signing key record ${kid} in ${this.location}: ${(error as Error).message}`);
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
