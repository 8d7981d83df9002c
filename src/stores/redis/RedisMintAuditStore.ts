/**
 * @module stores/redis/RedisMintAuditStore
 * Mint records in Redis, shared by every instance, capped at `maxEntries`
 * (`mint_audit_max_in_memory`; the oldest are dropped first).
 *
 * - `<prefix>mints`: hash jti -> record (JSON); HSETNX keeps the first record
 *   of a jti.
 * - `<prefix>mints:order`: sorted set of jtis scored by a counter
 *   (`<prefix>mints:seq`), i.e. mint order. Recording and trimming to the cap
 *   happen in one Lua script, so the hash and the set always agree.
 *
 * `listLive` walks the set newest first, a page per round trip, skipping
 * records expired at `nowSeconds`, until it has `limit` of them.
 */
import type { MintAuditStore, MintRecord } from '../MintAuditStore.js';
import type { RedisConnection, Script } from './RedisConnection.js';

// KEYS: hash, order, seq. ARGV: jti, record JSON, max entries.
const RECORD = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3])
if excess > 0 then
  local oldest = redis.call('ZRANGE', KEYS[2], 0, excess - 1)
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, excess - 1)
  for _, jti in ipairs(oldest) do redis.call('HDEL', KEYS[1], jti) end
end
return 1
`;

// KEYS: hash, order. ARGV: highest score to return (`+inf` or an exclusive `(n`), page size.
// Returns score, record JSON, score, record JSON, ... newest first.
const PAGE = `
local ids = redis.call('ZREVRANGEBYSCORE', KEYS[2], ARGV[1], '-inf', 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[2]))
local out = {}
for i = 1, #ids, 2 do
  out[#out + 1] = ids[i + 1]
  out[#out + 1] = redis.call('HGET', KEYS[1], ids[i])
end
return out
`;

const STORE = 'mint audit store';
const MAX_PAGE = 1000;

function encode(mint: MintRecord): string {
  const { jti, sub, role, iat, exp, kind, scope, agent_id, session_id } = mint;
  return JSON.stringify({ jti, sub, role, iat, exp, kind, scope, agent_id, session_id });
}

export class RedisMintAuditStore implements MintAuditStore {
  readonly #redis: RedisConnection;
  readonly #maxEntries: number;
  readonly #hash: string;
  readonly #order: string;
  readonly #seq: string;
  readonly #record: Script;
  readonly #page: Script;

  constructor(redis: RedisConnection, maxEntries: number) {
    if (!(maxEntries > 0)) throw new RangeError('maxEntries must be positive');
    this.#redis = redis;
    this.#maxEntries = maxEntries;
    this.#hash = redis.key('mints');
    this.#order = redis.key('mints', 'order');
    this.#seq = redis.key('mints', 'seq');
    this.#record = redis.script('mintRecord', 3, RECORD);
    this.#page = redis.script('mintPage', 2, PAGE);
  }

  async record(mint: MintRecord): Promise<void> {
    await this.#redis.run(STORE, () =>
      this.#record([this.#hash, this.#order, this.#seq], [mint.jti, encode(mint), this.#maxEntries]),
    );
  }

  async listLive(nowSeconds: number, limit: number): Promise<readonly MintRecord[]> {
    const live: MintRecord[] = [];
    const pageSize = Math.min(MAX_PAGE, Math.max(limit + 16, 64));
    let below = '+inf';
    while (live.length < limit) {
      const page = (await this.#redis.run(STORE, () =>
        this.#page([this.#hash, this.#order], [below, pageSize]),
      )) as (string | null)[];
      for (let i = 0; i < page.length && live.length < limit; i += 2) {
        const json = page[i + 1];
        if (typeof json !== 'string') continue;
        const record = JSON.parse(json) as MintRecord;
        if (record.exp > nowSeconds) live.push(Object.freeze(record));
      }
      if (page.length < pageSize * 2) break;
      below = `(${page[page.length - 2]}`;
    }
    return live;
  }
}
