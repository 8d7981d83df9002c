/**
 * @module test/validator/requireAuth
 * `validator.requireAuth()` on a tiny Express app answers exactly as the
 * server's own guard does: each case is sent both to the app and to a guarded
 * route of the real server (`GET /mints`, operator only), and status, body
 * and `WWW-Authenticate` must be the same.
 */
import { expect } from 'chai';
import express, { type Express } from 'express';
import request from 'supertest';
import { decodeJwt } from 'jose';
import { createValidator, type Validator } from '../../src/validator/index.js';
import { walletAccessToken } from '../support/keyProcesses.js';
import { AUTH, ISSUER_AUDIENCE, mintServiceToken, operatorTokens, revoke, startIssuer, type Issuer } from './issuerProcess.js';
import { tampered } from './forgeToken.js';

interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly challenge: string | null;
}

describe('validator requireAuth (Express, against the real server\'s guard)', function () {
  this.timeout(60_000);
  let issuer: Issuer;
  let validator: Validator;
  let app: Express;

  before(async () => {
    issuer = await startIssuer();
    validator = createValidator({
      issuer: issuer.base,
      audience: ISSUER_AUDIENCE,
      revocation: { serviceToken: await mintServiceToken(issuer.config), pollIntervalSeconds: 0.2 },
    });
    app = express();
    app.get('/ops', validator.requireAuth({ roles: ['operator'] }), (_req, res) => {
      res.json({ sub: (res.locals['auth'] as { sub: string }).sub });
    });
    app.get('/any', validator.requireAuth(), (_req, res) => res.json({ role: (res.locals['auth'] as { role: string }).role }));
  });
  after(async () => {
    await validator?.close();
    await issuer?.stop();
  });

  const fromApp = async (authorization: string | undefined): Promise<Answer> => {
    const call = request(app).get('/ops');
    const res = authorization === undefined ? await call : await call.set('authorization', authorization);
    return { status: res.status, body: res.body, challenge: res.headers['www-authenticate'] ?? null };
  };
  const fromServer = async (authorization: string | undefined): Promise<Answer> => {
    const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
    const res = await fetch(`${issuer.base}${AUTH}/mints`, { headers });
    return { status: res.status, body: await res.json(), challenge: res.headers.get('www-authenticate') };
  };

  it('when the token is missing, malformed, wrong-role, a refresh token, tampered or revoked, answers as the guard', async () => {
    const wallet = await walletAccessToken(issuer.base);
    const { refresh } = await operatorTokens(issuer.base);
    const revoked = (await operatorTokens(issuer.base)).access;
    await revoke(issuer.base, decodeJwt(revoked).jti!);
    await new Promise((done) => setTimeout(done, 600));
    const cases: [string, string | undefined, number][] = [
      ['missing', undefined, 401],
      ['not bearer', 'Basic dXNlcjpwYXNz', 401],
      ['wrong role', `Bearer ${wallet}`, 403],
      ['refresh token', `Bearer ${refresh}`, 401],
      ['tampered', `Bearer ${tampered(wallet)}`, 401],
      ['revoked', `Bearer ${revoked}`, 401],
    ];
    for (const [name, authorization, status] of cases) {
      const ours = await fromApp(authorization);
      expect(ours, name).to.deep.equal(await fromServer(authorization));
      expect(ours.status, name).to.equal(status);
      expect(ours.challenge, name).to.equal(status === 401 ? 'Bearer' : null);
    }
    expect((await fromApp(`Bearer ${wallet}`)).body).to.deep.equal({
      detail: "Requires one of roles: ['operator']",
      code: 'ERR_FORBIDDEN',
    });
  });

  it('when the token is valid and the role fits, passes the claims on in res.locals.auth', async () => {
    const { access } = await operatorTokens(issuer.base);
    const ops = await request(app).get('/ops').set('authorization', `Bearer ${access}`);
    expect(ops.status).to.equal(200);
    expect(ops.body).to.deep.equal({ sub: decodeJwt(access).sub });
    const any = await request(app).get('/any').set('authorization', `Bearer ${await walletAccessToken(issuer.base)}`);
    expect(any.body).to.deep.equal({ role: 'wallet' });
  });
});
