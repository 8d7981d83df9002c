/**
 * @module stores/redis/RedisKeyRecords
 * The storage side of `RedisKeyStore`: the Redis layout of the signing keys
 * and the three atomic operations on it, each one Lua script, so every
 * decision the store takes is applied against exactly the view it read.
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
 */
import type { RedisConnection, Script } from './RedisConnection.js';

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

/** `[version, every kid, [kid, record JSON, ...] for the kids not asked to skip]`. */
export type KeyRecordsRead = [version: string, kids: string[], fresh: string[]];

export class RedisKeyRecords {
  /** The hash of records, kid -> record JSON. */
  readonly hash: string;
  /** The version counter every write increments. */
  readonly #version: string;
  readonly #read: Script;
  readonly #add: Script;
  readonly #restore: Script;

  constructor(redis: RedisConnection) {
    this.hash = redis.key('signing-keys');
    this.#version = redis.key('signing-keys', 'version');
    this.#read = redis.script('keysRead', 2, READ);
    this.#add = redis.script('keysAdd', 2, ADD);
    this.#restore = redis.script('keysRestore', 2, RESTORE);
  }

  /** One consistent view: the version, every kid, and the records of the kids not in `known`. */
  async read(known: readonly string[]): Promise<KeyRecordsRead> {
    return (await this.#read([this.hash, this.#version], known)) as KeyRecordsRead;
  }

  /**
   * Adds a record and deletes `pruned` if the version is still `version`.
   * @returns the new version, 0 when another writer came first (nothing written), -1 when the kid exists.
   */
  async add(version: string, kid: string, json: string, pruned: readonly string[]): Promise<number> {
    return Number(await this.#add([this.hash, this.#version], [version, kid, json, ...pruned]));
  }

  /** Writes `[kid, json, ...]` back into an empty hash; the new version, or 0 when it was not empty. */
  async restore(pairs: readonly string[]): Promise<number> {
    return Number(await this.#restore([this.hash, this.#version], pairs));
  }
}
