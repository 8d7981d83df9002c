/**
 * @module limits/RateLimiter
 * Abuse limits on the login routes (per client IP, and per account where the
 * request names one) and the back-off on failed password logins. Bound under
 * `TYPES.RateLimiter`; `FlexibleRateLimiter` is the default (memory in one
 * process, Redis when a `redis:` section is configured, so every instance
 * shares the same counts).
 */

/** The routes with limits, named as their `server_auth.rate_limits` keys. */
export const LIMITED_ROUTES = ['challenge', 'sign_in', 'login', 'refresh', 'fleet_sessions'] as const;
export type LimitedRoute = (typeof LIMITED_ROUTES)[number];

/** Who a request counts against. */
export interface LimitSubject {
  /** The client address (see `clientIp`). */
  readonly ip: string;
  /** The account the request names (address, email, fleet session), compared case-insensitively. */
  readonly account?: string;
}

/** One limit's state after a request, for the `RateLimit-Policy` / `RateLimit` headers. */
export interface LimitState {
  /** Policy name: `ip` or `account`. */
  readonly name: 'ip' | 'account';
  readonly limit: number;
  readonly windowSeconds: number;
  readonly remaining: number;
  /** Seconds until the window resets. */
  readonly resetSeconds: number;
}

export interface RateLimiter {
  /**
   * Counts one request to `route`. Resolves with the state of every limit
   * that applied (none when limits are off); throws `TooManyRequests` (429,
   * with `Retry-After` and the rate-limit headers) past any of them.
   */
  consume(route: LimitedRoute, subject: LimitSubject): Promise<readonly LimitState[]>;
  /** Before a password is checked: throws `TooManyRequests` while this account (from this IP) is backing off. */
  checkLogin(email: string, ip: string): Promise<void>;
  /** After a wrong password: the next attempts back off exponentially. */
  loginFailed(email: string, ip: string): Promise<void>;
  /** After a right password: clears the back-off and remembers the IP as one this account logs in from. */
  loginSucceeded(email: string, ip: string): Promise<void>;
}
