/**
 * @module tokens/algorithms/es256
 * ES256: ECDSA on P-256 with SHA-256 (RFC 7518 section 3.4), the signature
 * being the 64-byte r ‖ s.
 */
import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { nodeJwsAlgorithm } from './nodeJwsAlgorithm.js';

const generate = promisify(generateKeyPair);

export const es256 = nodeJwsAlgorithm({
  alg: 'ES256',
  jwk: { kty: 'EC', members: ['kty', 'crv', 'x', 'y'] },
  generateKey: async () => (await generate('ec', { namedCurve: 'P-256' })).privateKey,
  misfit: (key) =>
    key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1'
      ? 'ES256 needs an EC key on P-256'
      : undefined,
  digest: 'sha256',
  dsaEncoding: 'ieee-p1363',
});
