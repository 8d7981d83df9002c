import { expect } from 'chai';
import { decodeJwt } from 'jose';
import { ContainerModule } from 'inversify';
import request from 'supertest';
import { TYPES } from '../../../src/identifiers.js';
import type { MintAuditStore } from '../../../src/stores/MintAuditStore.js';
import { AUTH, buildTestApp, type TestApp } from '../../support/testApp.js';
import { bearer, goodClaims, signWithServerKey } from '../../support/tokens.js';
import { ed25519Wallet } from '../../support/wallets.js';
import { getChallenge, postSignIn, signInBody } from '../sign-in/signInSteps.js';
import { refreshConfig } from './refresh.config.js';

interface Pair {
  access_token: string;
  refresh_token: string;
}

describe('POST /refresh', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp({ serverAuth: refreshConfig });
  });

  const login = async (): Promise<Pair> =>
    (await request(t.app).post(`${AUTH}/login`).send({ email: refreshConfig.admin_email, password: refreshConfig.admin_password }).expect(200)).body;
  const refresh = (token: unknown): request.Test => request(t.app).post(`${AUTH}/refresh`).send({ refresh_token: token });

  it('rotates repeatedly, keeping sub and role, with new jtis each time', async () => {
    let pair = await login();
    const seen = new Set([decodeJwt(pair.refresh_token).jti]);
    for (let i = 0; i < 4; i += 1) {
      t.clock.advance(1000);
      pair = (await refresh(pair.refresh_token).expect(200)).body;
      expect(Object.keys(pair).sort()).to.deep.equal(['access_token', 'refresh_token']);
      const access = decodeJwt(pair.access_token);
      expect(access).to.include({ sub: refreshConfig.admin_email, role: 'operator' });
      expect(seen.has(decodeJwt(pair.refresh_token).jti)).to.equal(false);
      seen.add(decodeJwt(pair.refresh_token).jti);
      await request(t.app).get(`${AUTH}/mints`).set(bearer(pair.access_token)).expect(200);
    }
  });

  it('keeps a wallet session a wallet session: role, subject and wallet claims carry over', async () => {
    const wallet = ed25519Wallet();
    const challenge = await getChallenge(t.app, wallet.publicKeyHex);
    const signIn = (await postSignIn(t.app, signInBody(wallet, challenge)).expect(200)).body;
    const next = (await refresh(signIn.refresh_token).expect(200)).body;
    expect(decodeJwt(next.access_token)).to.include({ sub: wallet.publicKeyHex, role: 'wallet', algorithm: 'Ed25519', wallet_address: wallet.publicKeyHex });
    await request(t.app).get(`${AUTH}/mints`).set(bearer(next.access_token)).expect(403);
  });

  it('on reuse answers 401 "refresh token reused" and revokes the whole family', async () => {
    const first = await login();
    const second = (await refresh(first.refresh_token).expect(200)).body;
    const third = (await refresh(second.refresh_token).expect(200)).body;
    await request(t.app).get(`${AUTH}/mints`).set(bearer(third.access_token)).expect(200);

    const reuse = await refresh(first.refresh_token).expect(401);
    expect(reuse.body).to.deep.equal({ detail: 'refresh token reused', code: 'ERR_TOKEN_INVALID' });
    expect(reuse.headers['www-authenticate']).to.equal('Bearer');

    // Every token of the family, including the later ones, is now dead.
    const denied = await request(t.app).get(`${AUTH}/mints`).set(bearer(third.access_token)).expect(401);
    expect(denied.body.detail).to.equal('token revoked');
    const dead = await refresh(third.refresh_token).expect(401);
    expect(dead.body.detail).to.equal('refresh invalid: revoked');
    // Another login's family is untouched.
    const other = await login();
    await refresh(other.refresh_token).expect(200);
  });

  it('lets exactly one of concurrent refreshes with one token win', async () => {
    const pair = await login();
    const results = await Promise.all(Array.from({ length: 8 }, () => refresh(pair.refresh_token)));
    expect(results.filter((r) => r.status === 200)).to.have.length.at.most(1);
    expect(results.filter((r) => r.status === 401).length).to.be.at.least(7);
  });

  it('refuses an access token presented as a refresh token', async () => {
    const pair = await login();
    const res = await refresh(pair.access_token).expect(401);
    expect(res.body.detail).to.equal('refresh invalid: not a refresh token');
  });

  it('refuses expired, forged and foreign refresh tokens with the contract details', async () => {
    const pair = await login();
    t.clock.advance(8 * 86_400_000);
    expect((await refresh(pair.refresh_token).expect(401)).body.detail).to.equal('refresh expired');
    const wrongAud = await signWithServerKey(t.container, goodClaims(t.clock.now(), { aud: 'elsewhere', type: 'refresh', fam: 'f' }));
    expect((await refresh(wrongAud).expect(401)).body.detail).to.equal('refresh invalid: aud claim invalid');
    expect((await refresh('garbage').expect(401)).body.detail).to.equal('refresh invalid: malformed token');
  });

  it('answers 503 when the new pair cannot be audited, leaving the presented token unspent', async () => {
    const memory = t.container.get(TYPES.MintAuditStore);
    let failing = false;
    const flaky: MintAuditStore = {
      record: async (record) => (failing ? Promise.reject(new Error('audit down')) : memory.record(record)),
      listLive: (now, limit) => memory.listLive(now, limit),
    };
    t = await buildTestApp({
      serverAuth: refreshConfig,
      modules: [new ContainerModule((bind) => void bind(TYPES.MintAuditStore).toConstantValue(flaky))],
    });
    const pair = await login();
    failing = true;
    const refused = await refresh(pair.refresh_token).expect(503);
    expect(refused.body).to.not.have.property('access_token');
    failing = false;
    // Not spent: the retry rotates normally instead of tripping reuse detection.
    const rotated = await refresh(pair.refresh_token).expect(200);
    await request(t.app).get(`${AUTH}/mints`).set(bearer(rotated.body.access_token)).expect(200);
  });

  it('answers 400 "refresh_token required" when missing or not a string', async () => {
    for (const body of [{}, { refresh_token: '' }, { refresh_token: 5 }]) {
      const res = await request(t.app).post(`${AUTH}/refresh`).send(body).expect(400);
      expect(res.body.detail).to.equal('refresh_token required');
    }
  });
});
