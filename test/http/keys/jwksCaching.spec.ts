/**
 * @module test/http/keys/jwksCaching
 * GET /jwks for caches: `Cache-Control: public, max-age=N`, a strong ETag that
 * is a hash of the body, 304 on a matching If-None-Match, a new ETag when the
 * key set changes; and no private member for any algorithm, even with keys of
 * all four in the set at once.
 */
import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { ContainerModule } from 'inversify';
import type { JWK } from 'jose';
import request from 'supertest';
import { TYPES } from '../../../src/identifiers.js';
import type { KeyStore, RotatingKeyStore, SigningKey } from '../../../src/stores/KeyStore.js';
import { MemoryKeyStore } from '../../../src/stores/memory/MemoryKeyStore.js';
import { TOKEN_ALGORITHMS } from '../../../src/tokens/TokenAlgorithm.js';
import { removeKeyDirectory, tempKeyDirectory } from '../../support/keyStores.js';
import { AUTH, buildTestApp } from '../../support/testApp.js';
import { keysConfig } from './keys.config.js';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k', 'priv', 'seed'];
const PUBLIC_MEMBERS: Record<string, string[]> = {
  RSA: ['alg', 'e', 'kid', 'kty', 'n', 'use'],
  EC: ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y'],
  OKP: ['alg', 'crv', 'kid', 'kty', 'use', 'x'],
  AKP: ['alg', 'kid', 'kty', 'pub', 'use'],
};

describe('GET /jwks caching', () => {
  it('when fetched, says public, max-age from config, with a strong ETag hashing the exact body', async () => {
    const t = await buildTestApp({ serverAuth: keysConfig });
    const res = await request(t.app).get(`${AUTH}/jwks`).expect(200);

    expect(res.headers['cache-control']).to.equal('public, max-age=120');
    expect(res.headers['etag']).to.equal(`"${createHash('sha256').update(res.text).digest('base64url')}"`);
    expect(res.headers['content-type']).to.match(/^application\/json/);
  });

  it('when If-None-Match carries the ETag (strong, weak, in a list, or *), answers 304 without a body', async () => {
    const t = await buildTestApp({ serverAuth: keysConfig });
    const { headers } = await request(t.app).get(`${AUTH}/jwks`).expect(200);
    const etag = headers['etag'] as string;

    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await request(t.app).get(`${AUTH}/jwks`).set('If-None-Match', header).expect(304);
      expect(res.text).to.equal('');
      expect(res.headers['etag']).to.equal(etag);
      expect(res.headers['cache-control']).to.equal('public, max-age=120');
    }
    await request(t.app).get(`${AUTH}/jwks`).set('If-None-Match', '"something-else"').expect(200);
  });

  it('when a rotation publishes a new key, the ETag changes and the old one gets the new set', async () => {
    const t = await buildTestApp({ serverAuth: keysConfig });
    const before = await request(t.app).get(`${AUTH}/jwks`).expect(200);

    await (t.container.get(TYPES.KeyStore) as RotatingKeyStore).rotate();

    const after = await request(t.app).get(`${AUTH}/jwks`).set('If-None-Match', before.headers['etag'] as string).expect(200);
    expect(after.headers['etag']).not.to.equal(before.headers['etag']);
    expect(after.body.keys).to.have.length(2);
  });

  it('when keys of all four algorithms are published at once, none carries a private member', async () => {
    const directory = tempKeyDirectory();
    try {
      for (const algorithm of TOKEN_ALGORITHMS) {
        const t = await buildTestApp({ serverAuth: { ...keysConfig, algorithm, key_directory: directory } });
        await t.container.get(TYPES.KeyStore).signingKey();
      }
      const t = await buildTestApp({ serverAuth: { ...keysConfig, algorithm: 'ML-DSA-65', key_directory: directory } });
      const { body } = await request(t.app).get(`${AUTH}/jwks`).expect(200);

      expect(body.keys.map((key: { alg: string }) => key.alg)).to.deep.equal([...TOKEN_ALGORITHMS]);
      for (const key of body.keys as Record<string, unknown>[]) {
        for (const member of PRIVATE_MEMBERS) expect(key).not.to.have.property(member);
        expect(Object.keys(key).sort()).to.deep.equal(PUBLIC_MEMBERS[key['kty'] as string]);
      }
    } finally {
      removeKeyDirectory(directory);
    }
  });

  it('when a user-bound KeyStore leaks private members into publicJwk, the served JWKS still carries none', async () => {
    const real = await new MemoryKeyStore('ES256').signingKey();
    const leaky = { ...real, publicJwk: { ...real.publicJwk, d: 'secret', priv: 'secret', extra: 'x' } as JWK } as SigningKey;
    const store: KeyStore = { signingKey: async () => leaky, verificationKeys: async () => [leaky] };
    const own = new ContainerModule((bind) => {
      bind(TYPES.KeyStore).toConstantValue(store);
    });
    const t = await buildTestApp({ serverAuth: keysConfig, modules: [own] });

    const { body } = await request(t.app).get(`${AUTH}/jwks`).expect(200);

    expect(Object.keys(body.keys[0]).sort()).to.deep.equal(PUBLIC_MEMBERS['EC']);
  });
});
