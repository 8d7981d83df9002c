/**
 * @module services/FleetService
 * `POST /fleet/sessions`: a holder of the shared fleet secret mints session
 * tokens for agents. The secret is compared in constant time, and the roles
 * it may mint are limited (`fleet_allowed_roles`): holding it must not be a
 * way to mint operator tokens.
 */
import { inject, injectable } from 'inversify';
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';
import { Forbidden, InvalidRequest, InvalidToken, NotFound } from '../errors/errors.js';
import { TYPES } from '../identifiers.js';
import { constantTimeEqual } from '../security/constantTimeEqual.js';
import type { TokenIssuer } from '../tokens/TokenIssuer.js';
import { requireObject } from './requireObject.js';

/** Shortest fleet token lifetime, whatever the caller asks (CONTRACT.md "fleet/sessions"). */
export const FLEET_MIN_TTL_SECONDS = 60;
const MAX_FIELD_LENGTH = 256;

export interface FleetSession {
  readonly session_token: string;
  readonly exp: number;
}

const optionalString = (value: unknown, name: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InvalidRequest(`${name} must be a string`);
  if (value.length > MAX_FIELD_LENGTH) throw new InvalidRequest(`${name} must be at most ${MAX_FIELD_LENGTH} characters`);
  return value;
};

@injectable()
export class FleetService {
  constructor(
    @inject(TYPES.ServerAuthSettings) private readonly settings: ServerAuthSettings,
    @inject(TYPES.TokenIssuer) private readonly tokens: TokenIssuer,
  ) {}

  async mintSession(secret: unknown, body: unknown): Promise<FleetSession> {
    if (this.settings.fleet_mint_secret === '') throw new NotFound('fleet mint endpoint disabled');
    if (typeof secret !== 'string' || !constantTimeEqual(secret, this.settings.fleet_mint_secret)) {
      throw new InvalidToken('invalid X-Fleet-Secret');
    }
    const fields = requireObject(body);
    const sessionId = optionalString(fields['session_id'], 'session_id');
    const agentId = optionalString(fields['agent_id'], 'agent_id');
    if (sessionId === undefined || sessionId === '' || agentId === undefined || agentId === '') {
      throw new InvalidRequest('session_id and agent_id required');
    }
    const role = optionalString(fields['role'], 'role') ?? 'agent';
    if (!this.settings.fleet_allowed_roles.includes(role)) {
      throw new Forbidden(`role not allowed for fleet sessions: ${role}`);
    }
    const scope = optionalString(fields['scope'], 'scope');
    const minted = await this.tokens.mint({
      sub: sessionId,
      role,
      ttlSeconds: this.clampTtl(fields['ttl']),
      kind: 'fleet',
      claims: { session_id: sessionId, agent_id: agentId, ...(scope === undefined ? {} : { scope }) },
    });
    return { session_token: minted.token, exp: minted.exp };
  }

  private clampTtl(ttl: unknown): number {
    if (ttl === undefined || ttl === null) return this.settings.fleet_session_ttl_seconds;
    if (typeof ttl !== 'number' || !Number.isFinite(ttl)) throw new InvalidRequest('ttl must be a number of seconds');
    return Math.min(Math.max(Math.floor(ttl), FLEET_MIN_TTL_SECONDS), this.settings.fleet_max_ttl_seconds);
  }
}
