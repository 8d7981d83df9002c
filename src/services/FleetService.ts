/**
 * @module services/FleetService
 * `POST /fleet/sessions`: a holder of the shared fleet secret mints session
 * tokens for agents. The secret is checked by the route before the body is
 * read (`assertFleetSecret`, constant time); the roles a session may carry
 * are limited (`fleet_allowed_roles`): holding the secret must not be a way
 * to mint operator tokens.
 */
import { inject, injectable } from 'inversify';
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';
import { Forbidden, InvalidToken, NotFound } from '../errors/errors.js';
import { TYPES } from '../identifiers.js';
import { constantTimeEqual } from '../security/constantTimeEqual.js';
import type { TokenIssuer } from '../tokens/TokenIssuer.js';

/** Shortest fleet token lifetime, whatever the caller asks (CONTRACT.md "fleet/sessions"). */
export const FLEET_MIN_TTL_SECONDS = 60;

/** `POST /fleet/sessions`, with the wire defaults applied. */
export interface FleetSessionRequest {
  /** Non-empty; becomes `sub` and the `session_id` claim. */
  readonly session_id: string;
  /** Non-empty; the `agent_id` claim. */
  readonly agent_id: string;
  /** `agent` when the client sent none. */
  readonly role: string;
  readonly scope?: string;
  /** Seconds as asked; the service clamps it. Absent: `fleet_session_ttl_seconds`. */
  readonly ttl?: number;
}

export interface FleetSession {
  readonly session_token: string;
  readonly exp: number;
}

export interface FleetService {
  mintSession(request: FleetSessionRequest): Promise<FleetSession>;
}

function assertFleetEnabled(settings: ServerAuthSettings): void {
  if (settings.fleet_mint_secret === '') throw new NotFound('fleet mint endpoint disabled');
}

/** 404 when fleet minting is off, 401 unless `secret` (the `X-Fleet-Secret` header) is the configured one. */
export function assertFleetSecret(settings: ServerAuthSettings, secret: string | undefined): void {
  assertFleetEnabled(settings);
  if (secret === undefined || !constantTimeEqual(secret, settings.fleet_mint_secret)) {
    throw new InvalidToken('invalid X-Fleet-Secret');
  }
}

@injectable()
export class SharedSecretFleetService implements FleetService {
  constructor(
    @inject(TYPES.ServerAuthSettings) private readonly settings: ServerAuthSettings,
    @inject(TYPES.TokenIssuer) private readonly tokens: TokenIssuer,
  ) {}

  async mintSession(request: FleetSessionRequest): Promise<FleetSession> {
    assertFleetEnabled(this.settings);
    const { session_id: sessionId, agent_id: agentId, role, scope } = request;
    if (!this.settings.fleet_allowed_roles.includes(role)) {
      throw new Forbidden(`role not allowed for fleet sessions: ${role}`);
    }
    const minted = await this.tokens.mint({
      sub: sessionId,
      role,
      ttlSeconds: this.clampTtl(request.ttl),
      kind: 'fleet',
      claims: { session_id: sessionId, agent_id: agentId, ...(scope === undefined ? {} : { scope }) },
    });
    return { session_token: minted.token, exp: minted.exp };
  }

  private clampTtl(ttl: number | undefined): number {
    if (ttl === undefined) return this.settings.fleet_session_ttl_seconds;
    return Math.min(Math.max(Math.floor(ttl), FLEET_MIN_TTL_SECONDS), this.settings.fleet_max_ttl_seconds);
  }
}
