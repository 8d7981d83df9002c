/**
 * @module tokens/verifyJwt
 * Verifies a compact JWT issued by this server: the `kid` must name one of our
 * verification keys, the header `alg` must be that key's algorithm (so
 * `alg: none`, HMAC with a public key as secret, or any other confusion is
 * refused), then signature, `iss`, `aud` and `exp` (RFC 7519 section 4.1) are
 * checked against the injected clock.
 */
import { decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { InvalidToken } from '../errors/errors.js';
import type { SigningKey } from '../stores/KeyStore.js';

export interface VerifyJwtOptions {
  readonly issuer: string;
  readonly audience: string;
  /** Milliseconds since the epoch. */
  readonly now: number;
}

/** The claims every token of ours carries (CONTRACT.md section 3). */
export interface VerifiedClaims extends JWTPayload {
  readonly sub: string;
  readonly jti: string;
  readonly iat: number;
  readonly exp: number;
  readonly role: string;
}

function headerOf(token: string): { alg?: unknown; kid?: unknown } {
  try {
    return decodeProtectedHeader(token);
  } catch (cause) {
    throw new InvalidToken('malformed token', { cause });
  }
}

function reasonFor(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'token expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `${error.claim} claim invalid`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'signature verification failed';
  return 'malformed token';
}

export async function verifyJwt(
  token: string,
  keys: readonly SigningKey[],
  options: VerifyJwtOptions,
): Promise<VerifiedClaims> {
  const { alg, kid } = headerOf(token);
  const key = keys.find((candidate) => candidate.kid === kid);
  if (key === undefined) throw new InvalidToken('unknown kid');
  if (alg !== key.alg) throw new InvalidToken('algorithm not allowed');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key.publicKey, {
      algorithms: [key.alg],
      issuer: options.issuer,
      audience: options.audience,
      currentDate: new Date(options.now),
      requiredClaims: ['sub', 'jti', 'iat', 'exp'],
    }));
  } catch (cause) {
    throw new InvalidToken(reasonFor(cause), { cause });
  }
  if (typeof payload['role'] !== 'string') throw new InvalidToken('role claim invalid');
  return payload as VerifiedClaims;
}
