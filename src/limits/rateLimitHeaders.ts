/**
 * @module limits/rateLimitHeaders
 * The IETF rate-limit headers (draft-ietf-httpapi-ratelimit-headers):
 * `RateLimit-Policy` lists every limit that applied (`"ip";q=120;w=60`),
 * `RateLimit` the one nearest to running out (`"ip";r=3;t=42`).
 */
import type { LimitState } from './RateLimiter.js';

export function rateLimitHeaders(states: readonly LimitState[]): Record<string, string> {
  if (states.length === 0) return {};
  const policy = states.map((state) => `"${state.name}";q=${state.limit};w=${state.windowSeconds}`).join(', ');
  const tightest = states.reduce((a, b) => (b.remaining < a.remaining ? b : a));
  return {
    'RateLimit-Policy': policy,
    RateLimit: `"${tightest.name}";r=${tightest.remaining};t=${tightest.resetSeconds}`,
  };
}
