/**
 * @module tokens/algorithms/rs256
 * RS256: RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 section 3.3). New keys are
 * RSA-2048 with e = 65537 (CONTRACT.md section 3); stored keys under 2048 bits
 * are refused, as section 3.3 requires.
 */
import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { nodeJwsAlgorithm } from './nodeJwsAlgorithm.js';

const generate = promisify(generateKeyPair);

export const rs256 = nodeJwsAlgorithm({
  alg: 'RS256',
  jwk: { kty: 'RSA', members: ['kty', 'n', 'e'] },
  generateKey: async () => (await generate('rsa', { modulusLength: 2048, publicExponent: 0x10001 })).privateKey,
  misfit: (key) =>
    key.asymmetricKeyType !== 'rsa' || (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048
      ? 'RS256 needs an RSA key of at least 2048 bits'
      : undefined,
  digest: 'sha256',
});
