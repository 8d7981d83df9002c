import { expect } from 'chai';
import { calculateJwkThumbprint } from 'jose';
import request from 'supertest';
import { AUTH, buildTestApp } from '../../support/testApp.js';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k', 'priv', 'seed'];

describe('GET /jwks', () => {
  it('publishes one RS256 signing key with public members only', async () => {
    const t = await buildTestApp();
    const res = await request(t.app).get(`${AUTH}/jwks`).expect(200);
    expect(res.headers['content-type']).to.match(/^application\/json/);
    expect(res.body.keys).to.have.length(1);
    const [key] = res.body.keys;
    expect(key).to.include({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
    expect(Buffer.from(key.n, 'base64url').length).to.equal(256);
    for (const member of PRIVATE_MEMBERS) expect(key).not.to.have.property(member);
  });

  it('names the key by its RFC 7638 thumbprint, stable across requests', async () => {
    const t = await buildTestApp();
    const first = (await request(t.app).get(`${AUTH}/jwks`)).body.keys[0];
    const second = (await request(t.app).get(`${AUTH}/jwks`)).body.keys[0];
    expect(first.kid).to.equal(await calculateJwkThumbprint({ kty: 'RSA', n: first.n, e: first.e }, 'sha256'));
    expect(second).to.deep.equal(first);
  });
});
