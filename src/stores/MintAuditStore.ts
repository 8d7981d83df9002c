/**
 * @module stores/MintAuditStore
 * A record of long-lived tokens while they live, so an operator can list and
 * revoke them (`GET /mints`).
 */
export type MintKind = 'access' | 'refresh' | 'fleet' | 'service';

export interface MintRecord {
  readonly jti: string;
  readonly sub: string;
  readonly role: string;
  /** Epoch seconds. */
  readonly iat: number;
  /** Epoch seconds. */
  readonly exp: number;
  readonly kind: MintKind;
  readonly scope: string | null;
  readonly agent_id: string | null;
  readonly session_id: string | null;
}

export interface MintAuditStore {
  /** Records a mint. Durable when it resolves (fsynced, for files). */
  record(mint: MintRecord): Promise<void>;
  /** Records not yet expired at `nowSeconds`, newest first, at most `limit`. */
  listLive(nowSeconds: number, limit: number): Promise<readonly MintRecord[]>;
}
