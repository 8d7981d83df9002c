import { expect } from 'chai';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import request from 'supertest';
import { AUTH, buildTestApp, type TestApp } from '../../support/testApp.js';
import { loginConfig } from './login.config.js';

describe('POST /login', () => {
  describe('when password login is disabled (the default)', () => {
    it('answers 403 "password login disabled", even with the right credentials', async () => {
      const t = await buildTestApp();
      const res = await request(t.app)
        .post(`${AUTH}/login`)
        .send({ email: 'admin@pico.local', password: 'admin' })
        .expect(403);
      expect(res.body).to.deep.equal({ detail: 'password login disabled', code: 'ERR_FORBIDDEN' });
    });
  });

  describe('when enabled', () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp({ serverAuth: loginConfig });
    });

    it('issues operator tokens for the configured credentials (email case-insensitive)', async () => {
      const res = await request(t.app)
        .post(`${AUTH}/login`)
        .send({ email: 'ROOT@example.test', password: loginConfig.admin_password })
        .expect(200);
      expect(Object.keys(res.body).sort()).to.deep.equal(['access_token', 'refresh_token']);
      const access = decodeJwt(res.body.access_token);
      expect(access.sub).to.equal(loginConfig.admin_email);
      expect(access['role']).to.equal('operator');
      expect(access.exp! - access.iat!).to.equal(15 * 60);
      expect(decodeProtectedHeader(res.body.access_token)).to.include({ alg: 'RS256', typ: 'JWT' });
      const refresh = decodeJwt(res.body.refresh_token);
      expect(refresh['type']).to.equal('refresh');
      expect(refresh['role']).to.equal('operator');
      expect(refresh.exp! - refresh.iat!).to.equal(7 * 86_400);
    });

    for (const [label, body] of [
      ['a wrong password', { email: loginConfig.admin_email, password: 'admin' }],
      ['a wrong email', { email: 'admin@pico.local', password: loginConfig.admin_password }],
      ['a password differing only in case', { email: loginConfig.admin_email, password: loginConfig.admin_password.toUpperCase() }],
    ] as const) {
      it(`answers 401 "invalid credentials" for ${label}`, async () => {
        const res = await request(t.app).post(`${AUTH}/login`).send(body).expect(401);
        expect(res.body).to.deep.equal({ detail: 'invalid credentials', code: 'ERR_INVALID_CREDENTIALS' });
        expect(res.headers['www-authenticate']).to.equal('Bearer');
      });
    }

    for (const body of [{}, { email: 'x' }, { password: 'y' }, { email: 1, password: 2 }]) {
      it(`answers 400 for ${JSON.stringify(body)}`, async () => {
        const res = await request(t.app).post(`${AUTH}/login`).send(body).expect(400);
        expect(res.body.detail).to.equal('email and password required');
      });
    }
  });
});
