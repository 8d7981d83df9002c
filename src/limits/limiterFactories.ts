/**
 * @module limits/limiterFactories
 * Where the counters live: this process (`RateLimiterMemory`) or Redis
 * (`RateLimiterRedis`, atomic per key, shared by every instance). A Redis
 * limiter falls back to an in-process one while Redis does not answer
 * (rate-limiter-flexible's insurance limiter): limits keep holding per
 * instance instead of failing every login with 503.
 */
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RedisConnection } from '../stores/redis/RedisConnection.js';

/** A counter store: at most `points` per `durationSeconds`, keys under `name`. */
export type LimiterFactory = (name: string, points: number, durationSeconds: number) => RateLimiterAbstract;

/**
 * RateLimiterMemory expires keys with a timer, and Node timers hold at most
 * 2^31 - 1 ms (about 24.8 days): a longer duration would fire at once and
 * forget the key. In-process counts do not outlive a restart anyway.
 */
const MAX_MEMORY_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

export const memoryLimiters: LimiterFactory = (name, points, duration) =>
  new RateLimiterMemory({ keyPrefix: name, points, duration: Math.min(duration, MAX_MEMORY_SECONDS) });

export function redisLimiters(connection: RedisConnection): LimiterFactory {
  return (name, points, duration) =>
    new RateLimiterRedis({
      storeClient: connection.client,
      keyPrefix: connection.key('rate', name),
      points,
      duration,
      insuranceLimiter: memoryLimiters(name, points, duration),
    });
}
