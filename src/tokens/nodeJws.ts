/**
 * @module tokens/nodeJws
 * Signs a compact JWS (RFC 7515 section 7.1) for RS256, ES256 and EdDSA with
 * node:crypto's asynchronous `sign`, so the private-key operation runs on the
 * libuv thread pool instead of the event loop, with the key's parsed
 * KeyObject reused. Verification stays with jose (verifyJwt.ts), so every
 * token we sign is checked by an independent implementation in the tests.
 */
import { sign, type KeyObject, type SignKeyObjectInput } from 'node:crypto';
import type { JoseTokenAlgorithm } from './TokenAlgorithm.js';

/** RFC 7518 section 3.1: the digest and signature encoding each `alg` names. */
function signOptions(alg: JoseTokenAlgorithm, key: KeyObject): { digest: string | null; key: SignKeyObjectInput } {
  switch (alg) {
    case 'RS256':
      return { digest: 'sha256', key: { key } }; // RSASSA-PKCS1-v1_5 (section 3.3)
    case 'ES256':
      return { digest: 'sha256', key: { key, dsaEncoding: 'ieee-p1363' } }; // r || s, 64 bytes (section 3.4)
    case 'EdDSA':
      return { digest: null, key: { key } }; // Ed25519 signs the message itself (RFC 8037 section 3.1)
  }
}

const encode = (value: object): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

export function signNodeJws(alg: JoseTokenAlgorithm, header: object, payload: object, privateKey: KeyObject): Promise<string> {
  const signingInput = `${encode(header)}.${encode(payload)}`;
  const { digest, key } = signOptions(alg, privateKey);
  return new Promise((resolve, reject) => {
    sign(digest, Buffer.from(signingInput, 'ascii'), key, (error, signature) => {
      if (error !== null) reject(error);
      else resolve(`${signingInput}.${signature.toString('base64url')}`);
    });
  });
}
