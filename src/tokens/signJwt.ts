/**
 * @module tokens/signJwt
 * Signs a compact JWT with a key from the key store. The header is
 * `{alg, kid, typ}` with `alg` taken from the key, never from input; `typ` is
 * `"JWT"` for access tokens and `REFRESH_TOKEN_TYP` for refresh tokens, so the
 * two kinds can never be mistaken for each other (RFC 8725 section 3.11).
 * RS256, ES256 and EdDSA are signed by node:crypto off the event loop
 * (`signNodeJws`); ML-DSA-65 by `signMlDsaJws`.
 */
import type { JWTPayload } from 'jose';
import type { SigningKey } from '../stores/KeyStore.js';
import { signMlDsaJws } from './mlDsaJws.js';
import { signNodeJws } from './nodeJws.js';

/** Header `typ` of access tokens and every other token but refresh tokens. */
export const ACCESS_TOKEN_TYP = 'JWT';
/** Header `typ` of refresh tokens: a validator that checks `typ` refuses them as access tokens. */
export const REFRESH_TOKEN_TYP = 'refresh+jwt';

export async function signJwt(payload: JWTPayload, key: SigningKey, typ: string = ACCESS_TOKEN_TYP): Promise<string> {
  const header = { alg: key.alg, kid: key.kid, typ };
  if (key.alg === 'ML-DSA-65') return signMlDsaJws(header, { ...payload }, key.privateKey);
  return signNodeJws(key.alg, header, { ...payload }, key.privateKey);
}
