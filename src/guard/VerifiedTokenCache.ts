/**
 * @module guard/VerifiedTokenCache
 * Remembers tokens whose signature and claims were verified, so a client that
 * sends the same bearer token on every request pays for the signature check
 * once. Keyed by the whole token string, so only the very same bytes hit.
 * An entry lives until the token's `exp` or `maxAgeMs` after it was verified,
 * whichever is first, read off the injected clock. Revocation and roles are
 * NOT cached: the guard checks them on every request.
 */
import type { Clock } from '../time/Clock.js';
import type { VerifiedClaims } from '../tokens/verifyJwt.js';

interface Entry {
  readonly claims: VerifiedClaims;
  readonly until: number;
}

export class VerifiedTokenCache {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 60_000,
  ) {}

  get(token: string): VerifiedClaims | undefined {
    const entry = this.#entries.get(token);
    if (entry === undefined) return undefined;
    if (entry.until <= this.clock.now()) {
      this.#entries.delete(token);
      return undefined;
    }
    return entry.claims;
  }

  set(token: string, claims: VerifiedClaims): void {
    const now = this.clock.now();
    const until = Math.min(claims.exp * 1000, now + this.maxAgeMs);
    if (until <= now) return;
    // Oldest first out: Map iteration is insertion order.
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    this.#entries.set(token, { claims, until });
  }
}
