/**
 * @module validator/ValidatorOptions
 * What `createValidator` takes, and the checks and defaults applied to it.
 * Wrong options are programmer errors: `TypeError`/`RangeError` at creation,
 * never at the first request.
 */
import type { MlDsa65EngineChoice } from './mlDsa65Verifier.js';

/** The `fetch` the validator calls; the global one unless given (tests pass a counting wrapper). */
export type ValidatorFetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface RevocationOptions {
  /** A token with role `service` (or the admin role), e.g. from `pico-server-auth mint --role service`. */
  readonly serviceToken: string;
  /** The feed URL; default: the discovery document's `revoked_jtis_endpoint`, else `<issuer>/api/v1/auth/revoked-jtis`. */
  readonly url?: string;
  /** Seconds between polls. Default 30: a revocation reaches the validator within about this long. */
  readonly pollIntervalSeconds?: number;
  /** How long without a successful poll before `onUnreachable` applies. Default: 4 poll intervals. */
  readonly maxStalenessSeconds?: number;
  /** `fail-closed` (default): refuse every token with 503 once stale; `fail-open`: keep accepting on the last known set. */
  readonly onUnreachable?: 'fail-closed' | 'fail-open';
}

export interface ValidatorOptions {
  /** Must equal the tokens' `iss` (the server's `server_auth.issuer`). */
  readonly issuer: string;
  /** Must be the tokens' `aud` or in it (the server's `server_auth.audience`). */
  readonly audience: string;
  /** The JWKS; default: `jwks_uri` of the discovery document. */
  readonly jwksUrl?: string;
  /** The discovery document; default `<issuer>/.well-known/openid-configuration`. Unused when `jwksUrl` (and `revocation.url`) are given. */
  readonly discovery?: string;
  /** Leeway for `exp` and `nbf`, in seconds. Default 0. */
  readonly clockToleranceSeconds?: number;
  /**
   * An unknown `kid` refetches the JWKS at most once per this many seconds,
   * and the JWKS is never refetched more often (default 30), so a flood of
   * forged tokens causes no refetch storm.
   */
  readonly jwksCooldownSeconds?: number;
  /**
   * Tokens living longer than this (`exp - iat`) are refused. It also bounds how
   * long a revocation entry without `exp` is kept. Default one year, the
   * server's default `service_token_max_ttl_seconds`; raise both together.
   */
  readonly maxTokenLifetimeSeconds?: number;
  /** Poll the server's revocation feed; without it revocations are not honoured. */
  readonly revocation?: RevocationOptions;
  /** How many token strings with a verified signature to remember (claims and revocation are still checked each call); default 10000, 0 disables. */
  readonly signatureCacheSize?: number;
  /** ML-DSA-65 implementation: `auto` (default) uses `@oqs/liboqs-js` when installed and self-tested, else @noble/post-quantum. */
  readonly mlDsa65Engine?: MlDsa65EngineChoice;
  readonly fetch?: ValidatorFetch;
  /** Milliseconds since the epoch; default `Date.now`. For tests. */
  readonly now?: () => number;
  /** Told about failed JWKS or feed fetches (the validator keeps serving); default: silent. */
  readonly onError?: (error: unknown) => void;
}

export interface ResolvedRevocationOptions {
  readonly serviceToken: string;
  readonly url: string | undefined;
  readonly pollIntervalSeconds: number;
  readonly maxStalenessSeconds: number;
  readonly onUnreachable: 'fail-closed' | 'fail-open';
}

export interface ResolvedOptions {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string | undefined;
  readonly discovery: string;
  readonly clockToleranceSeconds: number;
  readonly jwksCooldownSeconds: number;
  readonly maxTokenLifetimeSeconds: number;
  readonly revocation: ResolvedRevocationOptions | undefined;
  readonly signatureCacheSize: number;
  readonly mlDsa65Engine: MlDsa65EngineChoice;
  readonly fetch: ValidatorFetch;
  readonly now: () => number;
  readonly onError: (error: unknown) => void;
}

export const DEFAULT_POLL_INTERVAL_SECONDS = 30;
export const DEFAULT_JWKS_COOLDOWN_SECONDS = 30;
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 365 * 86_400;

function text(name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new TypeError(`${name} must be a non-empty string`);
  return value;
}

function url(name: string, value: unknown): string {
  const href = text(name, value);
  if (!URL.canParse(href)) throw new TypeError(`${name} must be an absolute URL`);
  return href;
}

/** A non-negative number (seconds, mostly). */
function seconds(name: string, value: unknown, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new RangeError(`${name} must be a number >= ${min}`);
  }
  return value;
}

function resolveRevocation(revocation: RevocationOptions): ResolvedRevocationOptions {
  const pollIntervalSeconds = seconds('revocation.pollIntervalSeconds', revocation.pollIntervalSeconds, DEFAULT_POLL_INTERVAL_SECONDS, 0.01);
  const maxStalenessSeconds = seconds('revocation.maxStalenessSeconds', revocation.maxStalenessSeconds, 4 * pollIntervalSeconds);
  if (maxStalenessSeconds < pollIntervalSeconds) {
    throw new RangeError('revocation.maxStalenessSeconds must be >= revocation.pollIntervalSeconds');
  }
  const onUnreachable = revocation.onUnreachable ?? 'fail-closed';
  if (onUnreachable !== 'fail-closed' && onUnreachable !== 'fail-open') {
    throw new TypeError("revocation.onUnreachable must be 'fail-closed' or 'fail-open'");
  }
  return {
    serviceToken: text('revocation.serviceToken', revocation.serviceToken),
    url: revocation.url === undefined ? undefined : url('revocation.url', revocation.url),
    pollIntervalSeconds,
    maxStalenessSeconds,
    onUnreachable,
  };
}

function engine(value: unknown): MlDsa65EngineChoice {
  if (value === undefined) return 'auto';
  if (value !== 'auto' && value !== 'noble') throw new TypeError("mlDsa65Engine must be 'auto' or 'noble'");
  return value;
}

/** `issuer` + path, without doubling a trailing slash of the issuer. */
export const underIssuer = (issuer: string, path: string): string => `${issuer.replace(/\/+$/, '')}${path}`;

export function resolveOptions(options: ValidatorOptions): ResolvedOptions {
  if (options === null || typeof options !== 'object') throw new TypeError('createValidator needs an options object');
  const issuer = text('issuer', options.issuer);
  return {
    issuer,
    audience: text('audience', options.audience),
    jwksUrl: options.jwksUrl === undefined ? undefined : url('jwksUrl', options.jwksUrl),
    discovery: url('discovery', options.discovery ?? underIssuer(issuer, '/.well-known/openid-configuration')),
    clockToleranceSeconds: seconds('clockToleranceSeconds', options.clockToleranceSeconds, 0),
    jwksCooldownSeconds: seconds('jwksCooldownSeconds', options.jwksCooldownSeconds, DEFAULT_JWKS_COOLDOWN_SECONDS),
    maxTokenLifetimeSeconds: seconds('maxTokenLifetimeSeconds', options.maxTokenLifetimeSeconds, DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, 1),
    revocation: options.revocation === undefined ? undefined : resolveRevocation(options.revocation),
    signatureCacheSize: Math.floor(seconds('signatureCacheSize', options.signatureCacheSize, 10_000)),
    mlDsa65Engine: engine(options.mlDsa65Engine),
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    now: options.now ?? Date.now,
    onError: options.onError ?? ((): void => undefined),
  };
}
