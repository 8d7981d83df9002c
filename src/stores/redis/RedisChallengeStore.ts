/**
 * @module stores/redis/RedisChallengeStore
 * Pending challenges in Redis, shared by every instance.
 *
 * - `<prefix>challenge:<sha256(nonce)>` holds the SHA-256 of the lowercased
 *   address and expires by Redis TTL (`SET ... PX`). Only digests are stored:
 *   a raw nonce never sits in Redis, so a dump of it cannot be replayed.
 * - `<prefix>challenges:pending` is a sorted set of the same digests scored by
 *   expiry time: it bounds pending challenges (`challenge_max_pending`)
 *   across all instances.
 *
 * Both operations are Lua scripts, which Redis runs atomically: `validate`
 * compares and deletes in one step, so of any number of concurrent calls on
 * any number of instances exactly one consumes a nonce (never read-then-delete).
 * Expiry decisions use Redis's own clock (`TIME`), which every instance shares.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ServiceUnavailable } from '../../errors/errors.js';
import type { ChallengeStore } from '../ChallengeStore.js';
import type { RedisConnection, Script } from './RedisConnection.js';

export interface RedisChallengeStoreOptions {
  readonly ttlSeconds: number;
  readonly maxPending: number;
}

// KEYS: challenge key, pending set. ARGV: address digest, ttl ms, max pending, member.
// Returns 1 when stored, 0 when the bound is reached.
const CREATE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[4])
return 1
`;

// KEYS: challenge key, pending set. ARGV: address digest, member.
// Consumes the challenge only when it exists (unexpired) and belongs to the address.
const VALIDATE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[2])
return 1
`;

// KEYS: pending set. Challenge keys expire by themselves; this drops their index entries.
const CLEANUP = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
return redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
`;

const STORE = 'challenge store';

function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export class RedisChallengeStore implements ChallengeStore {
  readonly #redis: RedisConnection;
  readonly #options: RedisChallengeStoreOptions;
  readonly #pending: string;
  readonly #create: Script;
  readonly #validate: Script;
  readonly #cleanup: Script;

  constructor(redis: RedisConnection, options: RedisChallengeStoreOptions) {
    if (!(options.ttlSeconds > 0) || !(options.maxPending > 0)) {
      throw new RangeError('ttlSeconds and maxPending must be positive');
    }
    this.#redis = redis;
    this.#options = options;
    this.#pending = redis.key('challenges', 'pending');
    this.#create = redis.script('challengeCreate', 2, CREATE);
    this.#validate = redis.script('challengeValidate', 2, VALIDATE);
    this.#cleanup = redis.script('challengeCleanup', 1, CLEANUP);
  }

  async create(address: string): Promise<string> {
    const nonce = randomBytes(32).toString('hex');
    const member = sha256(nonce);
    const { ttlSeconds, maxPending } = this.#options;
    const stored = await this.#redis.run(STORE, () =>
      this.#create([this.#redis.key('challenge', member), this.#pending], [
        sha256(address.toLowerCase()), ttlSeconds * 1000, maxPending, member,
      ]),
    );
    if (stored !== 1) {
      throw new ServiceUnavailable('too many pending challenges, retry later', {
        headers: { 'Retry-After': String(ttlSeconds) },
      });
    }
    return nonce;
  }

  async validate(address: string, nonce: string): Promise<boolean> {
    const member = sha256(nonce);
    const consumed = await this.#redis.run(STORE, () =>
      this.#validate([this.#redis.key('challenge', member), this.#pending], [sha256(address.toLowerCase()), member]),
    );
    return consumed === 1;
  }

  async cleanup(): Promise<number> {
    return Number(await this.#redis.run(STORE, () => this.#cleanup([this.#pending], [])));
  }
}
