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

export const memoryLimiters: LimiterFactory = (name, points, duration) =>
  new RateLimiterMemory({ keyPrefix: name, points, duration });

export function redisLimiters(connection: RedisConnection): LimiterFactory {
  return (name, points, duration) =>
    new RateLimiterRedis({
      storeClient: connection.client,
      keyPrefix: connection.key('rate', name),
      points,
      duration,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
    });
}
