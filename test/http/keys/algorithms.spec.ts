/**
 * @module test/http/keys/algorithms
 * Each token algorithm end to end: the server issues a token and serves its
 * JWKS over HTTP; an independent validator accepts it. RS256, ES256 and EdDSA
 * by jose `createRemoteJWKSet` + `jwtVerify`; ML-DSA-65 by splitting the
 * compact JWS and checking the raw FIPS 204 signature over the ASCII
 * `header.payload` against the `pub` of the served AKP key with
 * @noble/post-quantum. The JWKS never carries a private member.
 */
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { expect } from 'chai';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { TYPES } from '../../../src/identifiers.js';
import { verifyJwt } from '../../../src/tokens/verifyJwt.js';
import { AUTH, buildTestApp, type TestApp } from '../../support/testApp.js';
import { keysConfig, listen, type Listening } from './keys.config.js';

const ISSUER = 'http://issuer.test';
const AUDIENCE = 'pico-test';
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k', 'priv', 'seed'];

interface Jwks {
  keys: Record<string, string>[];
}

const segments = (token: string): [string, string, string] => token.split('.') as [string, string, string];

describe('token algorithms, end to end', () => {
  let t: TestApp;
  let server: Listening;

  afterEach(async () => server.close());

  for (const alg of ['RS256', 'ES256', 'EdDSA'] as const) {
    it(`when algorithm is ${alg}, a token validates with jose createRemoteJWKSet against the served JWKS`, async () => {
      t = await buildTestApp({ serverAuth: { ...keysConfig, algorithm: alg } });
      server = await listen(t.app);
      const { access_token } = await t.container.get(TYPES.TokenIssuer).issueSession({ sub: 'alice', role: 'wallet' });

      const jwks = createRemoteJWKSet(new URL(`${server.base}${AUTH}/jwks`));
      const { payload, protectedHeader } = await jwtVerify(access_token, jwks, {
        issuer: ISSUER, audience: AUDIENCE, algorithms: [alg],
      });

      expect(payload.sub).to.equal('alice');
      expect(protectedHeader).to.include({ alg, typ: 'JWT' });
      const body = (await (await fetch(`${server.base}${AUTH}/jwks`)).json()) as Jwks;
      for (const key of body.keys) for (const member of PRIVATE_MEMBERS) expect(key).not.to.have.property(member);
    });
  }

  describe('when algorithm is ML-DSA-65', () => {
    beforeEach(async () => {
      t = await buildTestApp({ serverAuth: { ...keysConfig, algorithm: 'ML-DSA-65' } });
      server = await listen(t.app);
    });

    it('serves an AKP key, and the raw signature verifies over ASCII header.payload with its pub', async () => {
      const { access_token } = await t.container.get(TYPES.TokenIssuer).issueSession({ sub: 'alice', role: 'wallet' });
      const { keys } = (await (await fetch(`${server.base}${AUTH}/jwks`)).json()) as Jwks;
      const [header, payload, signature] = segments(access_token);
      const decodedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, string>;
      const jwk = keys.find((key) => key['kid'] === decodedHeader['kid'])!;

      expect(decodedHeader).to.include({ alg: 'ML-DSA-65', typ: 'JWT' });
      expect(Object.keys(jwk).sort()).to.deep.equal(['alg', 'kid', 'kty', 'pub', 'use']);
      expect(jwk).to.include({ kty: 'AKP', alg: 'ML-DSA-65', use: 'sig' });
      const pub = Buffer.from(jwk['pub']!, 'base64url');
      const sig = Buffer.from(signature, 'base64url');
      expect(pub).to.have.length(1952);
      expect(sig).to.have.length(3309);
      expect(ml_dsa65.verify(sig, Buffer.from(`${header}.${payload}`, 'ascii'), pub)).to.equal(true);
      expect(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))).to.include({ sub: 'alice', iss: ISSUER });
    });

    it('refuses a token whose payload was changed, in the independent check and in verifyJwt', async () => {
      const { access_token } = await t.container.get(TYPES.TokenIssuer).issueSession({ sub: 'alice', role: 'wallet' });
      const [header, payload, signature] = segments(access_token);
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
      const forged = Buffer.from(JSON.stringify({ ...claims, role: 'operator' })).toString('base64url');
      const { keys } = (await (await fetch(`${server.base}${AUTH}/jwks`)).json()) as Jwks;

      const pub = Buffer.from(keys[0]!['pub']!, 'base64url');
      expect(ml_dsa65.verify(Buffer.from(signature, 'base64url'), Buffer.from(`${header}.${forged}`, 'ascii'), pub)).to.equal(false);
      let reason = '';
      await verifyJwt(`${header}.${forged}.${signature}`, await t.container.get(TYPES.KeyStore).verificationKeys(), {
        issuer: ISSUER, audience: AUDIENCE, now: t.clock.now(),
      }).catch((error: Error) => (reason = error.message));
      expect(reason).to.equal('signature verification failed');
    });
  });
});
