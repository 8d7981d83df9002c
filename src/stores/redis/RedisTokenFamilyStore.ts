/**
 * @module stores/redis/RedisTokenFamilyStore
 * Refresh rotation state in Redis, shared by every instance.
 *
 * - `<prefix>refresh-used:<jti>`: set with `SET NX EX` when a refresh token is
 *   used; NX makes the first use win across all instances, and the key
 *   expires with the token (never sooner than a minute from now).
 * - `<prefix>family:<id>`: hash with `revoked` and `maxexp` (latest member
 *   expiry); `<prefix>family:<id>:members`: list of members (JSON). Both
 *   expire when the family's last token does. `add` checks the revoked flag
 *   and appends in one Lua script, so a member is never added to a family
 *   another instance has just revoked.
 */
import { epochSeconds, systemClock, type Clock } from '../../time/Clock.js';
import type { FamilyMember, TokenFamilyStore } from '../TokenFamilyStore.js';
import type { RedisConnection, Script } from './RedisConnection.js';

// KEYS: family hash, members list. ARGV: latest expiry of the new members, member JSON...
const ADD = `
if redis.call('HGET', KEYS[1], 'revoked') == '1' then return 0 end
for i = 2, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end
local maxexp = math.max(tonumber(redis.call('HGET', KEYS[1], 'maxexp') or '0'), tonumber(ARGV[1]))
redis.call('HSET', KEYS[1], 'maxexp', maxexp)
redis.call('EXPIREAT', KEYS[1], maxexp)
redis.call('EXPIREAT', KEYS[2], maxexp)
return 1
`;

// KEYS: family hash, members list. ARGV: earliest time the revoked flag may expire.
// The flag outlives every member (and lasts a while even for an unknown family).
const REVOKE = `
redis.call('HSET', KEYS[1], 'revoked', '1')
local until_ = math.max(tonumber(redis.call('HGET', KEYS[1], 'maxexp') or '0'), tonumber(ARGV[1]))
redis.call('EXPIREAT', KEYS[1], until_)
return redis.call('LRANGE', KEYS[2], 0, -1)
`;

const STORE = 'token family store';
/** A used-token marker lives at least this long, whatever `exp` says. */
const MIN_USED_SECONDS = 60;
/** A revoked flag lives at least this long, even for a family with no members. */
const MIN_REVOKED_SECONDS = 86_400;

export class RedisTokenFamilyStore implements TokenFamilyStore {
  readonly #redis: RedisConnection;
  readonly #clock: Clock;
  readonly #add: Script;
  readonly #revoke: Script;

  constructor(redis: RedisConnection, clock: Clock = systemClock) {
    this.#redis = redis;
    this.#clock = clock;
    this.#add = redis.script('familyAdd', 2, ADD);
    this.#revoke = redis.script('familyRevoke', 2, REVOKE);
  }

  async add(family: string, members: readonly FamilyMember[]): Promise<boolean> {
    const latest = members.reduce((max, member) => Math.max(max, Math.floor(member.exp)), 0);
    const encoded = members.map(({ jti, exp }) => JSON.stringify({ jti, exp }));
    const added = await this.#redis.run(STORE, () => this.#add(this.#keys(family), [latest, ...encoded]));
    return added === 1;
  }

  async useRefresh(jti: string, exp: number): Promise<boolean> {
    const seconds = Math.max(Math.floor(exp) - epochSeconds(this.#clock), MIN_USED_SECONDS);
    const key = this.#redis.key('refresh-used', jti);
    const set = await this.#redis.run(STORE, () => this.#redis.client.set(key, '1', 'EX', seconds, 'NX'));
    return set === 'OK';
  }

  async revokeFamily(family: string): Promise<readonly FamilyMember[]> {
    const floor = epochSeconds(this.#clock) + MIN_REVOKED_SECONDS;
    const members = (await this.#redis.run(STORE, () => this.#revoke(this.#keys(family), [floor]))) as string[];
    return members.map((json) => {
      const { jti, exp } = JSON.parse(json) as FamilyMember;
      return { jti, exp };
    });
  }

  #keys(family: string): [string, string] {
    return [this.#redis.key('family', family), this.#redis.key('family', family, 'members')];
  }
}
