/**
 * @module services/TokenAdminService
 * Operator views of issued tokens: revoke one, the revocation feed that
 * remote validators poll, and the live long-lived mints.
 */
import { inject, injectable } from 'inversify';
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';
import { InvalidRequest } from '../errors/errors.js';
import { TYPES } from '../identifiers.js';
import type { MintAuditStore, MintRecord } from '../stores/MintAuditStore.js';
import type { RevocationEntry, RevocationStore } from '../stores/RevocationStore.js';
import { epochSeconds, type Clock } from '../time/Clock.js';
import type { VerifiedClaims } from '../tokens/verifyJwt.js';
import { requireObject } from './requireObject.js';

export const DEFAULT_MINTS_LIMIT = 200;
export const MAX_MINTS_LIMIT = 1000;
const MAX_JTI_LENGTH = 256;
const MAX_REASON_LENGTH = 1024;

export interface MintView extends MintRecord {
  readonly revoked: boolean;
}

@injectable()
export class TokenAdminService {
  constructor(
    @inject(TYPES.ServerAuthSettings) private readonly settings: ServerAuthSettings,
    @inject(TYPES.RevocationStore) private readonly revocations: RevocationStore,
    @inject(TYPES.MintAuditStore) private readonly mints: MintAuditStore,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  /** Revokes `body.jti` on behalf of `caller`; revoking again returns the original entry. */
  async revoke(caller: VerifiedClaims, body: unknown): Promise<{ revoked: RevocationEntry }> {
    const { jti, reason, exp } = requireObject(body);
    if (typeof jti !== 'string' || jti === '') throw new InvalidRequest('jti required');
    if (jti.length > MAX_JTI_LENGTH) throw new InvalidRequest(`jti must be at most ${MAX_JTI_LENGTH} characters`);
    if (reason !== undefined && reason !== null && typeof reason !== 'string') {
      throw new InvalidRequest('reason must be a string');
    }
    if (typeof reason === 'string' && reason.length > MAX_REASON_LENGTH) {
      throw new InvalidRequest(`reason must be at most ${MAX_REASON_LENGTH} characters`);
    }
    if (exp !== undefined && !(Number.isSafeInteger(exp) && (exp as number) > 0)) {
      throw new InvalidRequest('exp must be the token\'s expiry in epoch seconds');
    }
    const revoked = await this.revocations.revoke({
      jti,
      revoked_at: epochSeconds(this.clock),
      reason: typeof reason === 'string' ? reason : null,
      revoked_by: caller.sub,
      ...(exp === undefined ? {} : { exp: exp as number }),
    });
    return { revoked };
  }

  /**
   * The revocation feed, newest first. `since` (epoch seconds, from the query
   * string) keeps entries revoked at or after it, so pollers fetch only what is
   * new: pass the largest `revoked_at` already seen (entries of that second come
   * again; dedupe by jti). Entries whose token has expired are left out: no
   * validator can meet that token any more.
   */
  async revokedJtis(since: unknown): Promise<{ items: readonly RevocationEntry[] }> {
    const from = parseSince(since);
    const now = epochSeconds(this.clock);
    const items = (await this.revocations.list()).filter(
      (entry) => entry.revoked_at >= from && (entry.exp === undefined || entry.exp > now),
    );
    return { items };
  }

  /** Live audited mints, newest first; `limit` as sent in the query string. */
  async liveMints(limit: unknown): Promise<{ items: readonly MintView[] }> {
    const count = parseLimit(limit);
    const records = await this.mints.listLive(epochSeconds(this.clock), count);
    const items = await Promise.all(
      records.map(async (record) => ({ ...record, revoked: await this.revocations.isRevoked(record.jti) })),
    );
    return { items };
  }

  /** Roles allowed to read the revocation feed: validators' `service` tokens and operators. */
  get feedRoles(): readonly string[] {
    return ['service', this.settings.admin_role];
  }
}

function parseSince(raw: unknown): number {
  if (raw === undefined) return 0;
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!/^\d{1,12}$/.test(text)) throw new InvalidRequest('since must be epoch seconds');
  return Number(text);
}

function parseLimit(raw: unknown): number {
  if (raw === undefined) return DEFAULT_MINTS_LIMIT;
  const text = typeof raw === 'string' ? raw.trim() : '';
  const value = /^\d{1,7}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 1 && value <= MAX_MINTS_LIMIT)) {
    throw new InvalidRequest(`limit must be an integer from 1 to ${MAX_MINTS_LIMIT}`);
  }
  return value;
}
