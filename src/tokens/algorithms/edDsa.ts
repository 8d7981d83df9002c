/**
 * @module tokens/algorithms/edDsa
 * EdDSA with Ed25519 (RFC 8037 section 3.1): the scheme signs the message
 * itself, so no digest is named.
 */
import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { nodeJwsAlgorithm } from './nodeJwsAlgorithm.js';

const generate = promisify(generateKeyPair);

export const edDsa = nodeJwsAlgorithm({
  alg: 'EdDSA',
  jwk: { kty: 'OKP', members: ['kty', 'crv', 'x'] },
  generateKey: async () => (await generate('ed25519', {})).privateKey,
  misfit: (key) => (key.asymmetricKeyType !== 'ed25519' ? 'EdDSA needs an Ed25519 key' : undefined),
  digest: null,
});
