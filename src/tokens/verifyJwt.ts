/**
 * @module tokens/verifyJwt
 * Verifies a compact JWT issued by this server, for every algorithm it can
 * sign with: the token must parse strictly (once: header, payload and
 * signature are decoded a single time), its `kid` must name one of our
 * verification keys, and its header `alg` must be that key's algorithm (so
 * `alg: none`, HMAC with a public key as secret, or a downgrade to another of
 * our algorithms is refused). Then the key's `JwsAlgorithm` checks the
 * signature and `checkClaims` the claims against the injected clock. Every
 * failure is `InvalidToken` with a short reason.
 *
 * The header `typ` says which kind of token it is, and each kind has its own
 * audience (`accept`): an access-token check never passes a refresh token,
 * whatever its claims say, and the other way round.
 */
import type { JWTPayload } from 'jose';
import { InvalidToken } from '../errors/errors.js';
import { checkClaims, type ClaimOptions } from './checkClaims.js';
import { jsonObject, parseCompactJws } from './compactJws.js';
import { ACCESS_TOKEN_TYP, REFRESH_TOKEN_TYP } from './signJwt.js';
import type { SigningKey } from './SigningKey.js';
import { tokenAlgorithm } from './tokenAlgorithms.js';

/**
 * Either `audience` (access tokens only: header `typ: JWT` with that `aud`)
 * or `accept`: the header `typ` values accepted, each with the `aud` a token
 * of that kind must carry.
 */
export type VerifyJwtOptions = Omit<ClaimOptions, 'audience'> &
  ({ readonly audience: string; readonly accept?: never } | { readonly accept: Readonly<Record<string, string>>; readonly audience?: never });

/** The claims every token of ours carries (CONTRACT.md section 3). */
export interface VerifiedClaims extends JWTPayload {
  readonly sub: string;
  readonly jti: string;
  readonly iat: number;
  readonly exp: number;
  readonly role: string;
}

const ascii = new TextEncoder();

export async function verifyJwt(
  token: string,
  keys: readonly SigningKey[],
  options: VerifyJwtOptions,
): Promise<VerifiedClaims> {
  const jws = parseCompactJws(token);
  const key = keys.find((candidate) => candidate.kid === jws.header['kid']);
  if (key === undefined) throw new InvalidToken('unknown kid');
  if (jws.header.alg !== key.alg) throw new InvalidToken('algorithm not allowed');
  if (!(await tokenAlgorithm(key.alg).verify(key.publicKey, ascii.encode(jws.signingInput), jws.signature))) {
    throw new InvalidToken('signature verification failed');
  }
  const typ = jws.header['typ'];
  const accept = options.accept ?? { [ACCESS_TOKEN_TYP]: options.audience };
  const audience = typeof typ === 'string' && Object.hasOwn(accept, typ) ? accept[typ] : undefined;
  if (audience === undefined) {
    throw new InvalidToken(typ === REFRESH_TOKEN_TYP ? 'refresh tokens are not accepted here' : 'typ header invalid');
  }
  const payload = jsonObject(jws.payload);
  checkClaims(payload, { issuer: options.issuer, audience, now: options.now });
  return payload as VerifiedClaims;
}
