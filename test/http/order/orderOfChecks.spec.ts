/**
 * @module test/http/order/orderOfChecks
 * What is checked before the body or query is read: malformed JSON first
 * (body parsing), then the route's gate (guard, fleet secret, login switch),
 * then the request's shape. A caller who may not use an endpoint learns
 * nothing from the validation of what they sent.
 */
import { expect } from 'chai';
import request from 'supertest';
import { AUTH, buildTestApp } from '../../support/testApp.js';
import { bearer, mintToken } from '../../support/tokens.js';

describe('order of checks', () => {
  describe('behind the bearer guard', () => {
    it('when the JSON is malformed, answers 400 before asking for a token', async () => {
      const t = await buildTestApp();
      const res = await request(t.app).post(`${AUTH}/revoke`).set('Content-Type', 'application/json').send('{"jti": ').expect(400);
      expect(res.body).to.deep.equal({ detail: 'invalid JSON body', code: 'ERR_INVALID_REQUEST' });
    });

    it('when the body or query is invalid and there is no token, or the wrong role, answers 401 or 403', async () => {
      const t = await buildTestApp();
      const wallet = bearer(await mintToken(t.container, 'wallet'));
      const missing = await request(t.app).post(`${AUTH}/revoke`).send({ jti: 7 }).expect(401);
      expect(missing.headers['www-authenticate']).to.equal('Bearer');
      expect(missing.body).to.deep.equal({ detail: 'missing bearer token', code: 'ERR_TOKEN_INVALID' });
      await request(t.app).post(`${AUTH}/revoke`).set(wallet).send([1]).expect(403);
      await request(t.app).get(`${AUTH}/mints?limit=0`).expect(401);
      await request(t.app).get(`${AUTH}/revoked-jtis?since=yesterday`).set(wallet).expect(403);
    });

    it('when the caller may, validates: the query and body details follow', async () => {
      const t = await buildTestApp();
      const operator = bearer(await mintToken(t.container, 'operator'));
      const body = await request(t.app).post(`${AUTH}/revoke`).set(operator).send([1]).expect(400);
      expect(body.body.detail).to.equal('request body must be a JSON object');
      const query = await request(t.app).get(`${AUTH}/mints?limit=1&limit=2`).set(operator).expect(400);
      expect(query.body.detail).to.equal('limit must be an integer from 1 to 1000');
    });
  });

  describe('POST /fleet/sessions', () => {
    it('when disabled, or the secret is wrong, answers 404 or 401 whatever the body', async () => {
      const disabled = await buildTestApp();
      await request(disabled.app).post(`${AUTH}/fleet/sessions`).send([1]).expect(404);
      const t = await buildTestApp({ serverAuth: { fleet_mint_secret: 's3cret-s3cret-s3cret-s3cret-s3cret-s3cret' } });
      const res = await request(t.app).post(`${AUTH}/fleet/sessions`).set('X-Fleet-Secret', 'nope').send({ session_id: 5 }).expect(401);
      expect(res.body).to.deep.equal({ detail: 'invalid X-Fleet-Secret', code: 'ERR_TOKEN_INVALID' });
      const ok = await request(t.app).post(`${AUTH}/fleet/sessions`).set('X-Fleet-Secret', 's3cret-s3cret-s3cret-s3cret-s3cret-s3cret').send({ session_id: 5 });
      expect(ok.status).to.equal(400);
      expect(ok.body.detail).to.equal('session_id must be a string');
    });
  });

  describe('POST /login', () => {
    it('when password login is disabled, answers 403 whatever the body', async () => {
      const t = await buildTestApp();
      const res = await request(t.app).post(`${AUTH}/login`).send('"not an object"').set('Content-Type', 'application/json').expect(403);
      expect(res.body).to.deep.equal({ detail: 'password login disabled', code: 'ERR_FORBIDDEN' });
    });
  });
});
