/**
 * @module validator/SignatureCache
 * Remembers token strings whose signature checked out, so a client sending
 * the same bearer token on every request pays for the signature once (0.3 ms
 * with jose, several ms for ML-DSA-65 on noble). Only the signature is
 * cached: claims (`exp`, `nbf`, against the current clock) and revocation are
 * checked on every call. Keyed by the whole token, so only the same bytes hit;
 * an entry lives at most `MAX_AGE_MS`, so a key withdrawn from the JWKS stops
 * validating soon after; oldest entries go first when full.
 */
const MAX_AGE_MS = 60_000;

export class SignatureCache {
  readonly #verifiedAt = new Map<string, number>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  has(token: string): boolean {
    const at = this.#verifiedAt.get(token);
    if (at === undefined) return false;
    const age = this.now() - at;
    if (age >= 0 && age < MAX_AGE_MS) return true;
    this.#verifiedAt.delete(token);
    return false;
  }

  add(token: string): void {
    if (this.maxEntries === 0) return;
    // Map iteration is insertion order: the first key is the oldest.
    if (this.#verifiedAt.size >= this.maxEntries) {
      const oldest = this.#verifiedAt.keys().next();
      if (oldest.done !== true) this.#verifiedAt.delete(oldest.value);
    }
    this.#verifiedAt.set(token, this.now());
  }
}
