/**
 * @module limits/FlexibleRateLimiter
 * The default `RateLimiter`, on rate-limiter-flexible counters (memory, or
 * Redis when configured: see `limiterFactories`).
 *
 * Wrong passwords back off per email and IP (OWASP: throttle the account,
 * not only the IP): after `free_attempts`, each further failure blocks that
 * pair for 2, 4, 8... seconds up to `max_backoff_seconds`. An attacker with
 * many IPs meets the account-wide count (`account_failures`), which throttles
 * the account until its window ends — except from IPs the account has logged
 * in from (`known_ip_days`), so a stranger cannot lock the real admin out.
 */
import { inject, injectable } from 'inversify';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimit, RouteLimits } from '../config/RateLimitSettings.js';
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';
import { TooManyRequests } from '../errors/errors.js';
import { TYPES } from '../identifiers.js';
import type { Logger } from '../logging/Logger.js';
import type { LimiterFactory } from './limiterFactories.js';
import { rateLimitHeaders } from './rateLimitHeaders.js';
import { LIMITED_ROUTES, type LimitedRoute, type LimitState, type LimitSubject, type RateLimiter } from './RateLimiter.js';

/** Failure counts per email and IP are kept this long after the last failure. */
const FAILURE_MEMORY_SECONDS = 86_400;
/** A counter used only through `penalty` / `set`, never refused by its own limit. */
const UNBOUNDED = 1_000_000_000;

interface Counter {
  readonly name: 'ip' | 'account';
  readonly limit: RateLimit;
  readonly limiter: RateLimiterAbstract;
}

const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

function stateOf(counter: Counter, res: RateLimiterRes): LimitState {
  return {
    name: counter.name,
    limit: counter.limit.points,
    windowSeconds: counter.limit.window_seconds,
    remaining: Math.max(0, counter.limit.points - res.consumedPoints),
    resetSeconds: seconds(res.msBeforeNext),
  };
}

function tooMany(retryAfterSeconds: number, states: readonly LimitState[] = []): TooManyRequests {
  return new TooManyRequests('too many requests', {
    headers: { 'Retry-After': String(retryAfterSeconds), ...rateLimitHeaders(states) },
  });
}

@injectable()
export class FlexibleRateLimiter implements RateLimiter {
  readonly #enabled: boolean;
  readonly #routes: ReadonlyMap<LimitedRoute, readonly Counter[]>;
  readonly #failures: ServerAuthSettings['rate_limits']['login_failures'];
  readonly #pairFailures: RateLimiterAbstract;
  readonly #pairBlocks: RateLimiterAbstract;
  readonly #accountFailures: RateLimiterAbstract;
  readonly #knownIps: RateLimiterAbstract | undefined;
  #warned = false;

  constructor(
    @inject(TYPES.ServerAuthSettings) settings: ServerAuthSettings,
    @inject(TYPES.RateLimiterStore) limiters: LimiterFactory,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {
    const limits = settings.rate_limits;
    this.#enabled = limits.enabled;
    const counters = (route: LimitedRoute, config: RouteLimits): Counter[] => [
      { name: 'ip', limit: config.per_ip, limiter: limiters(`${route}.ip`, config.per_ip.points, config.per_ip.window_seconds) },
      ...(config.per_account === undefined
        ? []
        : [{ name: 'account' as const, limit: config.per_account, limiter: limiters(`${route}.account`, config.per_account.points, config.per_account.window_seconds) }]),
    ];
    this.#routes = new Map(LIMITED_ROUTES.map((route) => [route, counters(route, limits[route])]));
    this.#failures = limits.login_failures;
    this.#pairFailures = limiters('login-failures', UNBOUNDED, FAILURE_MEMORY_SECONDS);
    this.#pairBlocks = limiters('login-backoff', 1, limits.login_failures.max_backoff_seconds);
    const account = limits.login_failures.account_failures;
    this.#accountFailures = limiters('login-failures.account', account.points, account.window_seconds);
    const knownDays = limits.login_failures.known_ip_days;
    this.#knownIps = knownDays === 0 ? undefined : limiters('login-known-ip', UNBOUNDED, knownDays * 86_400);
  }

  async consume(route: LimitedRoute, subject: LimitSubject): Promise<readonly LimitState[]> {
    if (!this.#enabled) return [];
    const applied = this.#routes.get(route)!.filter((counter) => counter.name === 'ip' || subject.account !== undefined);
    const outcomes = await Promise.all(
      applied.map((counter) =>
        counter.limiter
          .consume(counter.name === 'ip' ? subject.ip : subject.account!.toLowerCase())
          .then((res) => ({ counter, res, refused: false }), (rejection: unknown) => this.#refusal(counter, rejection)),
      ),
    );
    const states: LimitState[] = [];
    let retryAfter = 0;
    for (const outcome of outcomes) {
      if (outcome === undefined) continue; // the counter store failed: let the request through
      states.push(stateOf(outcome.counter, outcome.res));
      if (outcome.refused) retryAfter = Math.max(retryAfter, seconds(outcome.res.msBeforeNext));
    }
    if (retryAfter > 0) throw tooMany(retryAfter, states);
    return states;
  }

  async checkLogin(email: string, ip: string): Promise<void> {
    if (!this.#enabled) return;
    const key = pairKey(email, ip);
    const [blocked, account, known] = await Promise.all([
      this.#pairBlocks.get(key),
      this.#accountFailures.get(email.toLowerCase()),
      this.#knownIps?.get(key),
    ]);
    if (blocked !== null && blocked.consumedPoints > 1 && blocked.msBeforeNext > 0) throw tooMany(seconds(blocked.msBeforeNext));
    const accountLimit = this.#failures.account_failures.points;
    if (account !== null && account.consumedPoints >= accountLimit && (known ?? null) === null) {
      throw tooMany(seconds(account.msBeforeNext));
    }
  }

  async loginFailed(email: string, ip: string): Promise<void> {
    if (!this.#enabled) return;
    const key = pairKey(email, ip);
    const [failures] = await Promise.all([
      this.#pairFailures.penalty(key),
      this.#accountFailures.penalty(email.toLowerCase()),
    ]);
    const over = failures.consumedPoints - this.#failures.free_attempts;
    if (over >= 0) {
      const wait = Math.min(2 ** (over + 1), this.#failures.max_backoff_seconds);
      await this.#pairBlocks.block(key, wait);
    }
  }

  async loginSucceeded(email: string, ip: string): Promise<void> {
    if (!this.#enabled) return;
    const key = pairKey(email, ip);
    await Promise.all([
      this.#pairFailures.delete(key),
      this.#pairBlocks.delete(key),
      this.#knownIps?.set(key, 1, this.#knownIps.duration),
    ]);
  }

  /** A refusal is a `RateLimiterRes`; anything else is the counter store failing, which must not lock users out. */
  #refusal(counter: Counter, rejection: unknown): { counter: Counter; res: RateLimiterRes; refused: true } | undefined {
    if (rejection instanceof RateLimiterRes) return { counter, res: rejection, refused: true };
    if (!this.#warned) this.logger.error('rate limit counters unavailable; letting requests through', rejection);
    this.#warned = true;
    return undefined;
  }
}

/** One key per email and client IP. */
function pairKey(email: string, ip: string): string {
  return `${email.toLowerCase()}|${ip}`;
}
