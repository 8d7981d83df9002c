import { expect } from 'chai';
import { decodeJwt } from 'jose';
import request from 'supertest';
import { TYPES } from '../../../src/identifiers.js';
import { AUTH, buildTestApp, type TestApp } from '../../support/testApp.js';
import { bearer, mintToken } from '../../support/tokens.js';
import { revocationConfig } from './revocation.config.js';

describe('revocation', () => {
  let t: TestApp;
  let operator: string;
  beforeEach(async () => {
    t = await buildTestApp({ serverAuth: revocationConfig });
    operator = await mintToken(t.container, 'root', 'ops-alice');
  });

  describe('POST /revoke', () => {
    it('revokes, attributing it to the caller, and answers the entry', async () => {
      const res = await request(t.app).post(`${AUTH}/revoke`).set(bearer(operator)).send({ jti: 'j-1', reason: 'leaked' }).expect(200);
      expect(res.body).to.deep.equal({
        revoked: { jti: 'j-1', revoked_at: Math.floor(t.clock.now() / 1000), reason: 'leaked', revoked_by: 'ops-alice' },
      });
      expect(await t.container.get(TYPES.RevocationStore).isRevoked('j-1')).to.equal(true);
    });

    it('is idempotent: a repeat returns the original entry, same revoked_at', async () => {
      const first = await request(t.app).post(`${AUTH}/revoke`).set(bearer(operator)).send({ jti: 'j-2' }).expect(200);
      t.clock.advance(5_000);
      const other = await mintToken(t.container, 'root', 'ops-bob');
      const again = await request(t.app).post(`${AUTH}/revoke`).set(bearer(other)).send({ jti: 'j-2', reason: 'x' }).expect(200);
      expect(again.body).to.deep.equal(first.body);
      expect(first.body.revoked.reason).to.equal(null);
    });

    it('accepts an unknown jti (nothing to find is not an error)', async () => {
      await request(t.app).post(`${AUTH}/revoke`).set(bearer(operator)).send({ jti: 'never-issued' }).expect(200);
    });

    it('answers 400 "jti required" for a missing, empty or non-string jti, and for a bad reason', async () => {
      for (const body of [{}, { jti: '' }, { jti: 7 }]) {
        const res = await request(t.app).post(`${AUTH}/revoke`).set(bearer(operator)).send(body).expect(400);
        expect(res.body.detail).to.equal('jti required');
      }
      const res = await request(t.app).post(`${AUTH}/revoke`).set(bearer(operator)).send({ jti: 'a', reason: 3 }).expect(400);
      expect(res.body.detail).to.equal('reason must be a string');
    });

    it('answers 401 without a token and 403 for a non-operator, revoking nothing', async () => {
      await request(t.app).post(`${AUTH}/revoke`).send({ jti: 'j-3' }).expect(401);
      const res = await request(t.app)
        .post(`${AUTH}/revoke`)
        .set(bearer(await mintToken(t.container, 'operator')))
        .send({ jti: 'j-3' })
        .expect(403);
      expect(res.body.detail).to.equal("Requires one of roles: ['root']");
      expect(await t.container.get(TYPES.RevocationStore).isRevoked('j-3')).to.equal(false);
    });
  });

  describe('GET /revoked-jtis', () => {
    it('lists entries newest first for service and operator tokens, in the shape validators read', async () => {
      for (const jti of ['a', 'b', 'c']) {
        await request(t.app).post(`${AUTH}/revoke`).set(bearer(operator)).send({ jti }).expect(200);
        t.clock.advance(1000);
      }
      for (const role of ['service', 'root']) {
        const res = await request(t.app).get(`${AUTH}/revoked-jtis`).set(bearer(await mintToken(t.container, role))).expect(200);
        expect(res.body.items.map((item: { jti: string }) => item.jti)).to.deep.equal(['c', 'b', 'a']);
        expect(Object.keys(res.body.items[0]).sort()).to.deep.equal(['jti', 'reason', 'revoked_at', 'revoked_by']);
      }
    });

    it('answers 304 to an If-None-Match that still holds, and 200 with a new ETag once something changes', async () => {
      const service = bearer(await mintToken(t.container, 'service'));
      await request(t.app).post(`${AUTH}/revoke`).set(bearer(operator)).send({ jti: 'e-1' }).expect(200);
      const first = await request(t.app).get(`${AUTH}/revoked-jtis`).set(service).expect(200);
      const etag = first.headers['etag'];
      expect(etag).to.match(/^"[A-Za-z0-9_-]+"$/);
      const cached = await request(t.app).get(`${AUTH}/revoked-jtis`).set(service).set('If-None-Match', etag).expect(304);
      expect(cached.text).to.equal('');
      await request(t.app).post(`${AUTH}/revoke`).set(bearer(operator)).send({ jti: 'e-2' }).expect(200);
      const changed = await request(t.app).get(`${AUTH}/revoked-jtis`).set(service).set('If-None-Match', etag).expect(200);
      expect(changed.headers['etag']).not.to.equal(etag);
      expect(changed.body.items.map((item: { jti: string }) => item.jti)).to.deep.equal(['e-2', 'e-1']);
    });

    it('with since, returns only entries revoked at or after it; refuses a bad since', async () => {
      const service = bearer(await mintToken(t.container, 'service'));
      await request(t.app).post(`${AUTH}/revoke`).set(bearer(operator)).send({ jti: 'old' }).expect(200);
      t.clock.advance(10_000);
      const cursor = Math.floor(t.clock.now() / 1000);
      await request(t.app).post(`${AUTH}/revoke`).set(bearer(operator)).send({ jti: 'new' }).expect(200);
      const res = await request(t.app).get(`${AUTH}/revoked-jtis?since=${cursor}`).set(service).expect(200);
      expect(res.body.items.map((item: { jti: string }) => item.jti)).to.deep.equal(['new']);
      const bad = await request(t.app).get(`${AUTH}/revoked-jtis?since=yesterday`).set(service).expect(400);
      expect(bad.body.detail).to.equal('since must be epoch seconds');
    });

    it('drops an entry from the feed once the revoked token has expired', async () => {
      const now = Math.floor(t.clock.now() / 1000);
      await request(t.app).post(`${AUTH}/revoke`).set(bearer(operator)).send({ jti: 'short', exp: now + 60 }).expect(200);
      await request(t.app).post(`${AUTH}/revoke`).set(bearer(operator)).send({ jti: 'unknown-exp' }).expect(200);
      t.clock.advance(61_000);
      const service = bearer(await mintToken(t.container, 'service'));
      const res = await request(t.app).get(`${AUTH}/revoked-jtis`).set(service).expect(200);
      expect(res.body.items.map((item: { jti: string }) => item.jti)).to.deep.equal(['unknown-exp']);
      const bad = await request(t.app).post(`${AUTH}/revoke`).set(bearer(operator)).send({ jti: 'x', exp: 'soon' }).expect(400);
      expect(bad.body.detail).to.equal("exp must be the token's expiry in epoch seconds");
    });

    it('answers 401 without a token and 403 for other roles', async () => {
      await request(t.app).get(`${AUTH}/revoked-jtis`).expect(401);
      const res = await request(t.app).get(`${AUTH}/revoked-jtis`).set(bearer(await mintToken(t.container, 'wallet'))).expect(403);
      expect(res.body.detail).to.equal("Requires one of roles: ['service', 'root']");
    });
  });

  describe('a revoked token', () => {
    it('is refused by the guard at once', async () => {
      const victim = await mintToken(t.container, 'root', 'ops-eve');
      await request(t.app).get(`${AUTH}/revoked-jtis`).set(bearer(victim)).expect(200);
      await request(t.app).post(`${AUTH}/revoke`).set(bearer(operator)).send({ jti: decodeJwt(victim).jti }).expect(200);
      const res = await request(t.app).get(`${AUTH}/revoked-jtis`).set(bearer(victim)).expect(401);
      expect(res.body.detail).to.equal('token revoked');
    });
  });
});
