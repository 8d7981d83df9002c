/**
 * @module stores/RevocationStore
 * The denylist of token ids. Every method is async so shared drivers fit.
 */
export interface RevocationEntry {
  readonly jti: string;
  /** Epoch seconds. */
  readonly revoked_at: number;
  readonly reason: string | null;
  /** `sub` of the operator who revoked it, or `pico-server-auth` for automatic revocations. */
  readonly revoked_by: string;
  /** The revoked token's `exp` when known: the entry may be dropped after it. */
  readonly exp?: number;
}

export interface RevocationStore {
  /**
   * Adds `entry` unless its jti is already revoked, and returns the stored
   * entry: the original one on a repeat, so revoking is idempotent. Resolves
   * only once the entry is durable for this driver (fsynced, for files).
   */
  revoke(entry: RevocationEntry): Promise<RevocationEntry>;
  /** Whether `jti` is revoked. */
  isRevoked(jti: string): Promise<boolean>;
  /** Every entry, newest first. */
  list(): Promise<readonly RevocationEntry[]>;
}
