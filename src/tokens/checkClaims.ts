/**
 * @module tokens/checkClaims
 * The claim checks of RFC 7519 section 4.1 as jose's `jwtVerify` applies them,
 * done once for every algorithm so an ML-DSA token and an RS256 token are held
 * to the same rules: required claims present, `iss` equal, `aud` equal or
 * listed, `iat`/`nbf`/`exp` numeric, `nbf` reached, `exp` in the future (a
 * token is expired at `exp`), and our own `role` claim a string.
 */
import { InvalidToken, TokenExpired } from '../errors/errors.js';

export interface ClaimOptions {
  readonly issuer: string;
  readonly audience: string;
  /** Milliseconds since the epoch. */
  readonly now: number;
}

const REQUIRED = ['iss', 'aud', 'sub', 'jti', 'iat', 'exp'] as const;

const invalid = (claim: string): InvalidToken => new InvalidToken(`${claim} claim invalid`);

function audienceMatches(aud: unknown, audience: string): boolean {
  if (typeof aud === 'string') return aud === audience;
  return Array.isArray(aud) && aud.includes(audience);
}

export function checkClaims(payload: Readonly<Record<string, unknown>>, options: ClaimOptions): void {
  for (const claim of REQUIRED) if (!(claim in payload)) throw invalid(claim);
  if (payload['iss'] !== options.issuer) throw invalid('iss');
  if (!audienceMatches(payload['aud'], options.audience)) throw invalid('aud');
  if (typeof payload['sub'] !== 'string') throw invalid('sub');
  if (typeof payload['jti'] !== 'string') throw invalid('jti');
  if (typeof payload['iat'] !== 'number') throw invalid('iat');
  const now = Math.floor(options.now / 1000);
  const nbf = payload['nbf'];
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now)) throw invalid('nbf');
  const exp = payload['exp'];
  if (typeof exp !== 'number') throw invalid('exp');
  if (exp <= now) throw new TokenExpired();
  if (typeof payload['role'] !== 'string') throw invalid('role');
}
