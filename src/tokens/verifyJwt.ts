/**
 * @module tokens/verifyJwt
 * Verifies a compact JWT issued by this server, for every algorithm it can
 * sign with: the token must parse strictly, its `kid` must name one of our
 * verification keys, and its header `alg` must be that key's algorithm (so
 * `alg: none`, HMAC with a public key as secret, or a downgrade to another of
 * our algorithms is refused). Then the signature (jose with a one-algorithm
 * allow-list, or ML-DSA-65 on @noble/post-quantum) and the claims (one set of
 * rules, `checkClaims`) are checked against the injected clock. Every failure
 * is `InvalidToken` with a short reason.
 *
 * The header `typ` says which kind of token it is, and each kind has its own
 * audience (`accept`): an access-token check never passes a refresh token,
 * whatever its claims say, and the other way round.
 */
import { compactVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { InvalidToken } from '../errors/errors.js';
import type { SigningKey } from '../stores/KeyStore.js';
import { checkClaims, type ClaimOptions } from './checkClaims.js';
import { jsonObject, parseCompactJws } from './compactJws.js';
import { verifyMlDsaJws } from './mlDsaJws.js';
import { ACCESS_TOKEN_TYP, REFRESH_TOKEN_TYP } from './signJwt.js';

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

const badSignature = (cause?: unknown): InvalidToken =>
  new InvalidToken('signature verification failed', cause === undefined ? undefined : { cause });

async function verifySignature(token: string, signingInput: string, signature: Uint8Array, key: SigningKey): Promise<void> {
  if (key.alg === 'ML-DSA-65') {
    if (!verifyMlDsaJws(signingInput, signature, key.publicKey)) throw badSignature();
    return;
  }
  try {
    await compactVerify(token, key.publicKey, { algorithms: [key.alg] });
  } catch (cause) {
    if (cause instanceof joseErrors.JWSSignatureVerificationFailed) throw badSignature(cause);
    throw new InvalidToken('malformed token', { cause });
  }
}

export async function verifyJwt(
  token: string,
  keys: readonly SigningKey[],
  options: VerifyJwtOptions,
): Promise<VerifiedClaims> {
  const jws = parseCompactJws(token);
  const key = keys.find((candidate) => candidate.kid === jws.header['kid']);
  if (key === undefined) throw new InvalidToken('unknown kid');
  if (jws.header.alg !== key.alg) throw new InvalidToken('algorithm not allowed');
  await verifySignature(token, jws.signingInput, jws.signature, key);
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
