/**
 * @module stores/redis/RedisRevocationStore
 * The denylist in Redis, shared by every instance and kept across restarts of
 * the servers (and of Redis, when Redis persists: AOF or RDB).
 *
 * - `<prefix>revocations`: hash jti -> entry (JSON), written with HSETNX so the
 *   first revoke of a jti wins and every repeat returns it (idempotent).
 * - `<prefix>revocations:order`: sorted set of jtis scored by a counter
 *   (`<prefix>revocations:seq`), i.e. revocation order, for newest-first lists.
 *
 * `isRevoked` throws (503) when Redis cannot answer: an outage must never
 * read as "not revoked".
 */
import type { RevocationEntry, RevocationStore } from '../RevocationStore.js';
import type { RedisConnection, Script } from './RedisConnection.js';

// KEYS: hash, order, seq. ARGV: jti, entry JSON. Returns the stored entry JSON.
const REVOKE = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
  redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])
  return ARGV[2]
end
return redis.call('HGET', KEYS[1], ARGV[1])
`;

// KEYS: hash, order. Every entry JSON, newest first, read in one atomic step
// (HMGET in chunks: Lua's unpack() has a small stack limit).
const LIST = `
local jtis = redis.call('ZREVRANGE', KEYS[2], 0, -1)
local out = {}
for i = 1, #jtis, 500 do
  local chunk = {}
  for j = i, math.min(i + 499, #jtis) do chunk[#chunk + 1] = jtis[j] end
  local values = redis.call('HMGET', KEYS[1], unpack(chunk))
  for k = 1, #chunk do
    if values[k] then out[#out + 1] = values[k] end
  end
end
return out
`;

const STORE = 'revocation store';

function encode(entry: RevocationEntry): string {
  const { jti, revoked_at, reason, revoked_by, exp } = entry;
  return JSON.stringify(exp === undefined ? { jti, revoked_at, reason, revoked_by } : { jti, revoked_at, reason, revoked_by, exp });
}

function decode(text: string): RevocationEntry {
  const v = JSON.parse(text) as RevocationEntry;
  const entry: RevocationEntry = { jti: v.jti, revoked_at: v.revoked_at, reason: v.reason ?? null, revoked_by: v.revoked_by };
  return Object.freeze(typeof v.exp === 'number' ? { ...entry, exp: v.exp } : entry);
}

export class RedisRevocationStore implements RevocationStore {
  readonly #redis: RedisConnection;
  readonly #hash: string;
  readonly #order: string;
  readonly #seq: string;
  readonly #revoke: Script;
  readonly #list: Script;

  constructor(redis: RedisConnection) {
    this.#redis = redis;
    this.#hash = redis.key('revocations');
    this.#order = redis.key('revocations', 'order');
    this.#seq = redis.key('revocations', 'seq');
    this.#revoke = redis.script('revocationRevoke', 3, REVOKE);
    this.#list = redis.script('revocationList', 2, LIST);
  }

  async revoke(entry: RevocationEntry): Promise<RevocationEntry> {
    const stored = await this.#redis.run(STORE, () =>
      this.#revoke([this.#hash, this.#order, this.#seq], [entry.jti, encode(entry)]),
    );
    return decode(String(stored));
  }

  async isRevoked(jti: string): Promise<boolean> {
    return (await this.#redis.run(STORE, () => this.#redis.client.hexists(this.#hash, jti))) === 1;
  }

  async list(): Promise<readonly RevocationEntry[]> {
    const values = await this.#redis.run(STORE, () => this.#list([this.#hash, this.#order], []));
    return (values as string[]).map(decode);
  }
}
