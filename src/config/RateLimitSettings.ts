/**
 * @module config/RateLimitSettings
 * The validated `server_auth.rate_limits` section (see `rateLimitsSchema`).
 */

/** At most `points` requests per `window_seconds`. */
export interface RateLimit {
  readonly points: number;
  readonly window_seconds: number;
}

export interface RouteLimits {
  readonly per_ip: RateLimit;
  readonly per_account?: RateLimit;
}

export interface LoginFailureLimits {
  readonly free_attempts: number;
  readonly max_backoff_seconds: number;
  readonly account_failures: RateLimit;
  readonly known_ip_days: number;
}

export interface RateLimitSettings {
  readonly enabled: boolean;
  readonly challenge: RouteLimits;
  readonly sign_in: RouteLimits;
  readonly login: RouteLimits;
  readonly refresh: RouteLimits;
  readonly fleet_sessions: RouteLimits;
  readonly login_failures: LoginFailureLimits;
}
