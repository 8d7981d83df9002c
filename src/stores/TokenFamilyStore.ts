/**
 * @module stores/TokenFamilyStore
 * Refresh-token rotation state. A family is every token descended from one
 * sign-in or login; each refresh token may be used once. A second use is
 * theft evidence and the whole family is revoked.
 */
export interface FamilyMember {
  readonly jti: string;
  /** Epoch seconds. */
  readonly exp: number;
}

/** Just the `jti` and expiry: whatever else a caller or an old file holds is never kept. */
export const memberOnly = ({ jti, exp }: FamilyMember): FamilyMember => ({ jti, exp });

export interface TokenFamilyStore {
  /**
   * Adds tokens to family `family`. Returns false, adding nothing, when the
   * family was already revoked: the caller must not hand those tokens out.
   * A driver keeps each member's `jti` and `exp` only (`memberOnly`), never token text.
   */
  add(family: string, members: readonly FamilyMember[]): Promise<boolean>;
  /**
   * Marks refresh token `jti` used. True exactly once per jti, even under
   * concurrent calls; false on every later call.
   */
  useRefresh(jti: string, exp: number): Promise<boolean>;
  /** Marks `family` revoked and returns its members, so each can be revoked. */
  revokeFamily(family: string): Promise<readonly FamilyMember[]>;
}
