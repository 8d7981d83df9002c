/**
 * @module test/http/keys/discovery
 * GET /.well-known/openid-configuration: issuer, the JWKS URL validators
 * derive (issuer + /api/v1/auth/jwks, which the app serves), the algorithms of
 * the published keys, and the revocation feed URL; cacheable like the JWKS.
 */
import { expect } from 'chai';
import request from 'supertest';
import { TYPES } from '../../../src/identifiers.js';
import { removeKeyDirectory, tempKeyDirectory } from '../../support/keyStores.js';
import { buildTestApp } from '../../support/testApp.js';
import { keysConfig } from './keys.config.js';

const DISCOVERY = '/.well-known/openid-configuration';

describe('GET /.well-known/openid-configuration', () => {
  it('when fetched, names the issuer, the JWKS and revocation feed URLs and the signing algorithm', async () => {
    const t = await buildTestApp({ serverAuth: keysConfig });
    const res = await request(t.app).get(DISCOVERY).expect(200);

    expect(res.body).to.deep.include({
      issuer: 'http://issuer.test',
      jwks_uri: 'http://issuer.test/api/v1/auth/jwks',
      id_token_signing_alg_values_supported: ['RS256'],
      revoked_jtis_endpoint: 'http://issuer.test/api/v1/auth/revoked-jtis',
    });
    expect(res.headers['cache-control']).to.equal('public, max-age=120');
    expect(res.headers['etag']).to.match(/^"[A-Za-z0-9_-]{43}"$/);
    await request(t.app).get(new URL(res.body.jwks_uri as string).pathname).expect(200);
  });

  it('when the issuer ends with a slash, does not double it in the URLs', async () => {
    const t = await buildTestApp({ serverAuth: { ...keysConfig, issuer: 'https://auth.example.test/' } });
    const { body } = await request(t.app).get(DISCOVERY).expect(200);
    expect(body.jwks_uri).to.equal('https://auth.example.test/api/v1/auth/jwks');
  });

  it('when the algorithm changed and both keys are published, lists both algorithms', async () => {
    const directory = tempKeyDirectory();
    try {
      const rsa = await buildTestApp({ serverAuth: { ...keysConfig, key_directory: directory } });
      await rsa.container.get(TYPES.KeyStore).signingKey();
      const t = await buildTestApp({ serverAuth: { ...keysConfig, key_directory: directory, algorithm: 'ML-DSA-65' } });

      const { body } = await request(t.app).get(DISCOVERY).expect(200);

      expect(body.id_token_signing_alg_values_supported).to.deep.equal(['RS256', 'ML-DSA-65']);
    } finally {
      removeKeyDirectory(directory);
    }
  });
});
