/**
 * @module validator/JwksCache
 * The issuer's public keys, kept as long as the JWKS response's
 * `Cache-Control: max-age` allows and then revalidated with `If-None-Match`
 * (the server sends a strong ETag; a 304 keeps the imported keys). A token
 * with a `kid` we do not hold triggers a refetch, so a rotation is picked up
 * at once; but never more than one fetch per `jwksCooldownSeconds`, whatever
 * the cause (once a second while no keys are held at all: every token fails
 * then anyway), and concurrent callers share one fetch: a flood of tokens with
 * made-up kids costs the issuer at most one request per cooldown.
 * When a refetch fails the keys already held stay in use (the feed, not the
 * JWKS, is what revokes), and the error goes to `onError`.
 */
import type { JWK } from 'jose';
import { cacheLifetimeSeconds } from './cacheLifetime.js';
import type { Endpoints } from './Endpoints.js';
import { mlDsa65Verifier } from './mlDsa65Verifier.js';
import { importVerificationKey, type VerificationKey } from './verificationKey.js';
import { ValidatorUnavailableError } from './ValidatorError.js';
import type { ResolvedOptions } from './ValidatorOptions.js';

const REQUEST_TIMEOUT_MS = 10_000;

export class JwksCache {
  #keys: ReadonlyMap<string, VerificationKey> | undefined;
  #etag: string | undefined;
  /** Milliseconds: the copy is fresh until then. */
  #freshUntil = 0;
  /** Milliseconds: when the last fetch started (success or not), for the cooldown. */
  #lastFetch = Number.NEGATIVE_INFINITY;
  #inflight: Promise<void> | undefined;
  readonly #mlDsa65 = (): ReturnType<typeof mlDsa65Verifier> => mlDsa65Verifier(this.options.mlDsa65Engine);

  constructor(
    private readonly options: ResolvedOptions,
    private readonly endpoints: Endpoints,
  ) {}

  /** The key named `kid`, fetching as the cache rules allow; undefined if the issuer does not publish it. */
  async key(kid: string): Promise<VerificationKey | undefined> {
    const now = this.options.now();
    if (this.#keys === undefined || now >= this.#freshUntil || !this.#keys.has(kid)) await this.#refresh(now);
    if (this.#keys === undefined) {
      throw new ValidatorUnavailableError('jwks_unavailable', 'the issuer\'s keys cannot be fetched');
    }
    return this.#keys.get(kid);
  }

  async #refresh(now: number): Promise<void> {
    if (this.#inflight !== undefined) return this.#inflight;
    // Holding no keys at all, every token fails anyway: retry each second rather than once per cooldown.
    const cooldownMs = Math.min(this.#keys === undefined ? 1000 : Infinity, this.options.jwksCooldownSeconds * 1000);
    if (now - this.#lastFetch < cooldownMs) return;
    this.#lastFetch = now;
    this.#inflight = this.#fetch()
      .catch((error: unknown) => this.options.onError(error))
      .finally(() => (this.#inflight = undefined));
    return this.#inflight;
  }

  async #fetch(): Promise<void> {
    const { jwks } = await this.endpoints.get();
    const headers: Record<string, string> = { accept: 'application/jwk-set+json, application/json' };
    if (this.#etag !== undefined && this.#keys !== undefined) headers['if-none-match'] = this.#etag;
    const res = await this.options.fetch(jwks, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const lifetimeMs = cacheLifetimeSeconds(res.headers.get('cache-control')) * 1000;
    if (res.status === 304 && this.#keys !== undefined) {
      this.#freshUntil = this.options.now() + lifetimeMs;
      return;
    }
    if (!res.ok) throw new Error(`JWKS ${jwks}: HTTP ${res.status}`);
    const body = (await res.json()) as { keys?: unknown };
    if (!Array.isArray(body.keys)) throw new Error(`JWKS ${jwks}: no keys array`);
    const imported = await Promise.all((body.keys as JWK[]).map((jwk) => importVerificationKey(jwk, this.#mlDsa65)));
    const keys = new Map<string, VerificationKey>();
    for (const key of imported) if (key !== undefined && !keys.has(key.kid)) keys.set(key.kid, key);
    this.#keys = keys;
    this.#etag = res.headers.get('etag') ?? undefined;
    this.#freshUntil = this.options.now() + lifetimeMs;
  }
}
