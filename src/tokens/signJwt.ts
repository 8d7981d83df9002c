/**
 * @module tokens/signJwt
 * Signs a compact JWT with a key from the key store. The header is always
 * `{alg, kid, typ: "JWT"}` with `alg` taken from the key, never from input.
 */
import { SignJWT, type JWTPayload } from 'jose';
import type { SigningKey } from '../stores/KeyStore.js';

export async function signJwt(payload: JWTPayload, key: SigningKey): Promise<string> {
  return new SignJWT({ ...payload }).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' }).sign(key.privateKey);
}
