/**
 * @module tokens/signJwt
 * Signs a compact JWT with a key from the key store. The header is always
 * `{alg, kid, typ: "JWT"}` with `alg` taken from the key, never from input.
 * RS256, ES256 and EdDSA are signed by node:crypto off the event loop
 * (`signNodeJws`); ML-DSA-65 by `signMlDsaJws`.
 */
import type { JWTPayload } from 'jose';
import type { SigningKey } from '../stores/KeyStore.js';
import { signMlDsaJws } from './mlDsaJws.js';
import { signNodeJws } from './nodeJws.js';

export async function signJwt(payload: JWTPayload, key: SigningKey): Promise<string> {
  const header = { alg: key.alg, kid: key.kid, typ: 'JWT' };
  if (key.alg === 'ML-DSA-65') return signMlDsaJws(header, { ...payload }, key.privateKey);
  return signNodeJws(key.alg, header, { ...payload }, key.privateKey);
}
