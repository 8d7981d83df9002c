/**
 * @module validator/checkAccessClaims
 * The claim checks of RFC 7519 section 4.1, the same rules the server's own
 * guard applies, plus the clock tolerance: required claims present and typed,
 * `iss` equal, `aud` equal or listed, `nbf` reached and `exp` not passed
 * (a token is expired at `exp`), both give or take `clockToleranceSeconds`,
 * a string `role`, and no refresh token whatever else it claims. A lifetime
 * (`exp - iat`) over `maxTokenLifetimeSeconds` is refused: the revocation
 * set relies on that bound to forget entries.
 */
import type { AccessClaims } from './AccessClaims.js';
import { invalidToken } from './ValidatorError.js';

export interface ClaimRules {
  readonly issuer: string;
  readonly audience: string;
  readonly clockToleranceSeconds: number;
  readonly maxTokenLifetimeSeconds: number;
  /** Epoch milliseconds. */
  readonly now: number;
}

const REQUIRED = ['iss', 'aud', 'sub', 'jti', 'iat', 'exp', 'role'] as const;

const claimInvalid = (claim: string): Error => invalidToken('claim_invalid', `${claim} claim invalid`);

function audienceMatches(aud: unknown, audience: string): boolean {
  if (typeof aud === 'string') return aud === audience;
  return Array.isArray(aud) && aud.includes(audience);
}

export function checkAccessClaims(payload: Readonly<Record<string, unknown>>, rules: ClaimRules): AccessClaims {
  // Refresh tokens also carry another `aud`, so the aud check would refuse them; saying why helps the caller.
  if (payload['type'] === 'refresh') throw invalidToken('refresh_token', 'refresh tokens are not accepted here');
  for (const claim of REQUIRED) if (!(claim in payload)) throw claimInvalid(claim);
  if (payload['iss'] !== rules.issuer) throw claimInvalid('iss');
  if (!audienceMatches(payload['aud'], rules.audience)) throw claimInvalid('aud');
  for (const claim of ['sub', 'jti', 'role'] as const) if (typeof payload[claim] !== 'string') throw claimInvalid(claim);
  const { iat, exp, nbf } = payload;
  if (typeof iat !== 'number' || !Number.isFinite(iat)) throw claimInvalid('iat');
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw claimInvalid('exp');
  if (nbf !== undefined && (typeof nbf !== 'number' || !Number.isFinite(nbf))) throw claimInvalid('nbf');
  if (exp - iat > rules.maxTokenLifetimeSeconds) throw claimInvalid('exp');
  const now = rules.now / 1000;
  const tolerance = rules.clockToleranceSeconds;
  if (nbf !== undefined && nbf > now + tolerance) throw claimInvalid('nbf');
  if (exp <= now - tolerance) throw invalidToken('expired', 'token expired');
  return payload as AccessClaims;
}
