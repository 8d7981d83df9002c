/**
 * @module services/TokenAdminService
 * Operator views of issued tokens: revoke one, the revocation feed that
 * remote validators poll, and the live long-lived mints.
 */
import { inject, injectable } from 'inversify';
import { TYPES } from '../identifiers.js';
import type { MintAuditStore, MintRecord } from '../stores/MintAuditStore.js';
import type { RevocationEntry, RevocationStore } from '../stores/RevocationStore.js';
import { epochSeconds, type Clock } from '../time/Clock.js';
import type { VerifiedClaims } from '../tokens/verifyJwt.js';

/** `POST /revoke`. */
export interface RevokeRequest {
  /** Non-empty. */
  readonly jti: string;
  readonly reason: string | null;
  /** The token's expiry (epoch seconds), so the entry can leave the feed once the token is dead. */
  readonly exp?: number;
}

/** `GET /revoked-jtis?since=`: epoch seconds, 0 when absent. */
export interface RevokedJtisQuery {
  readonly since: number;
}

/** `GET /mints?limit=`: 1..1000, 200 when absent. */
export interface MintsQuery {
  readonly limit: number;
}

export interface MintView extends MintRecord {
  readonly revoked: boolean;
}

export interface TokenAdminService {
  /** Revokes `request.jti` on behalf of `caller`; revoking again returns the original entry. */
  revoke(caller: VerifiedClaims, request: RevokeRequest): Promise<{ revoked: RevocationEntry }>;
  /** The revocation feed, newest first, from `query.since` on. */
  revokedJtis(query: RevokedJtisQuery): Promise<{ items: readonly RevocationEntry[] }>;
  /** Live audited mints, newest first, at most `query.limit`. */
  liveMints(query: MintsQuery): Promise<{ items: readonly MintView[] }>;
}

@injectable()
export class StoreTokenAdminService implements TokenAdminService {
  constructor(
    @inject(TYPES.RevocationStore) private readonly revocations: RevocationStore,
    @inject(TYPES.MintAuditStore) private readonly mints: MintAuditStore,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async revoke(caller: VerifiedClaims, { jti, reason, exp }: RevokeRequest): Promise<{ revoked: RevocationEntry }> {
    const revoked = await this.revocations.revoke({
      jti,
      revoked_at: epochSeconds(this.clock),
      reason,
      revoked_by: caller.sub,
      ...(exp === undefined ? {} : { exp }),
    });
    return { revoked };
  }

  /**
   * The revocation feed, newest first. `since` (epoch seconds) keeps entries
   * revoked at or after it, so pollers fetch only what is new: pass the largest `revoked_at` already seen (entries of that second come
   * again; dedupe by jti). Entries whose token has expired are left out: no
   * validator can meet that token any more.
   */
  async revokedJtis({ since: from }: RevokedJtisQuery): Promise<{ items: readonly RevocationEntry[] }> {
    const now = epochSeconds(this.clock);
    const items = (await this.revocations.list()).filter(
      (entry) => entry.revoked_at >= from && (entry.exp === undefined || entry.exp > now),
    );
    return { items };
  }

  async liveMints({ limit }: MintsQuery): Promise<{ items: readonly MintView[] }> {
    const records = await this.mints.listLive(epochSeconds(this.clock), limit);
    const items = await Promise.all(
      records.map(async (record) => ({ ...record, revoked: await this.revocations.isRevoked(record.jti) })),
    );
    return { items };
  }
}
