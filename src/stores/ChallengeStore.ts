/**
 * @module stores/ChallengeStore
 * Pending login challenges. Every method is async so a shared driver (Redis)
 * fits behind the same interface.
 */
export interface ChallengeStore {
  /**
   * Creates a fresh single-use nonce for `address` (compared case-insensitively)
   * and returns it: 64 lowercase hex characters from a CSPRNG. Never cancels
   * another pending challenge, for this or any address.
   * Throws `ServiceUnavailable` when `challenge_max_pending` challenges are pending.
   */
  create(address: string): Promise<string>;
  /**
   * Consumes `nonce` if it is pending, unexpired and was issued for `address`.
   * Returns true at most once per nonce, even under concurrent calls (from
   * several processes, for a shared driver). An unknown, used or expired
   * nonce, or one issued for another address, returns false and is left as is.
   */
  validate(address: string, nonce: string): Promise<boolean>;
  /** Drops expired challenges; returns how many were removed. */
  cleanup(): Promise<number>;
}
