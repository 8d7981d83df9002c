/**
 * @module tokens/signJwt
 * Signs a compact JWT with a key from the key store. The header is always
 * `{alg, kid, typ: "JWT"}` with `alg` taken from the key, never from input.
 * RS256, ES256 and EdDSA are signed by jose; ML-DSA-65 by `signMlDsaJws`.
 */
import { SignJWT, type JWTPayload } from 'jose';
import type { SigningKey } from '../stores/KeyStore.js';
import { signMlDsaJws } from './mlDsaJws.js';

export async function signJwt(payload: JWTPayload, key: SigningKey): Promise<string> {
  const header = { alg: key.alg, kid: key.kid, typ: 'JWT' };
  if (key.alg === 'ML-DSA-65') return signMlDsaJws(header, { ...payload }, key.privateKey);
  return new SignJWT({ ...payload }).setProtectedHeader(header).sign(key.privateKey);
}
