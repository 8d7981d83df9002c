/**
 * @module test/unit/keys/signingKeyFromJwk
 * Key material: every algorithm's kid is its RFC 7638 thumbprint (for AKP
 * computed here independently, per RFC 9964: SHA-256 over the canonical JSON
 * of alg, kty, pub), the public JWK holds no private member, and a stored key
 * that does not fit its algorithm is refused.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { expect } from 'chai';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { generatePrivateJwk } from '../../../src/keys/generatePrivateJwk.js';
import { PRIVATE_JWK_MEMBERS } from '../../../src/keys/publicJwk.js';
import { signingKeyFromJwk } from '../../../src/keys/signingKeyFromJwk.js';
import { TOKEN_ALGORITHMS } from '../../../src/tokens/TokenAlgorithm.js';

const jwkOf = (type: 'rsa' | 'ec' | 'ed448', options: object): JWK => {
  const { privateKey } = generateKeyPairSync(type as 'rsa', options as { modulusLength: number });
  return privateKey.export({ format: 'jwk' }) as JWK;
};

async function refusal(alg: (typeof TOKEN_ALGORITHMS)[number], jwk: JWK): Promise<string> {
  try {
    await signingKeyFromJwk(alg, jwk);
  } catch (error) {
    expect(error).to.be.instanceOf(TypeError);
    return (error as Error).message;
  }
  return 'accepted';
}

describe('signingKeyFromJwk()', () => {
  for (const alg of TOKEN_ALGORITHMS) {
    it(`when given a generated ${alg} key, names it by its thumbprint and publishes public members only`, async () => {
      const key = await signingKeyFromJwk(alg, await generatePrivateJwk(alg));
      expect(key.kid).to.equal(await calculateJwkThumbprint(key.publicJwk, 'sha256'));
      expect(key.publicJwk).to.include({ kid: key.kid, alg, use: 'sig' });
      for (const member of PRIVATE_JWK_MEMBERS) expect(key.publicJwk).not.to.have.property(member);
    });
  }

  it('when given an ML-DSA-65 key, publishes an RFC 9964 AKP key whose kid is SHA-256 of {alg,kty,pub}', async () => {
    const key = await signingKeyFromJwk('ML-DSA-65', await generatePrivateJwk('ML-DSA-65'));
    const { kty, alg, pub } = key.publicJwk as { kty: string; alg: string; pub: string };
    expect({ kty, alg }).to.deep.equal({ kty: 'AKP', alg: 'ML-DSA-65' });
    expect(Buffer.from(pub, 'base64url')).to.have.length(1952);
    const canonical = `{"alg":"${alg}","kty":"${kty}","pub":"${pub}"}`;
    expect(key.kid).to.equal(createHash('sha256').update(canonical).digest('base64url'));
  });

  it('when a key does not fit its algorithm, refuses it', async () => {
    expect(await refusal('RS256', jwkOf('rsa', { modulusLength: 1024 }))).to.match(/at least 2048 bits/);
    expect(await refusal('RS256', jwkOf('ec', { namedCurve: 'P-256' }))).to.match(/RSA key/);
    expect(await refusal('ES256', jwkOf('ec', { namedCurve: 'P-384' }))).to.match(/P-256/);
    expect(await refusal('EdDSA', jwkOf('ed448', {}))).to.match(/Ed25519/);
    expect(await refusal('RS256', { kty: 'RSA', n: 'AQAB', e: 'AQAB' })).to.match(/not a private RS256 key/);
  });

  it('when an ML-DSA-65 key has a pub that is not its seed\'s, or a short seed, refuses it', async () => {
    const a = await generatePrivateJwk('ML-DSA-65');
    const b = await generatePrivateJwk('ML-DSA-65');
    expect(await refusal('ML-DSA-65', { ...a, pub: b.pub! })).to.match(/does not belong/);
    expect(await refusal('ML-DSA-65', { ...a, priv: Buffer.alloc(31).toString('base64url') })).to.match(/32-byte seed/);
  });
});
