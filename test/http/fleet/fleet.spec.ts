import { expect } from 'chai';
import { decodeJwt } from 'jose';
import request from 'supertest';
import { AUTH, buildTestApp, type TestApp } from '../../support/testApp.js';
import { bearer } from '../../support/tokens.js';
import { fleetConfig } from './fleet.config.js';

const SESSIONS = `${AUTH}/fleet/sessions`;
const secret = { 'X-Fleet-Secret': fleetConfig.fleet_mint_secret };

describe('POST /fleet/sessions', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp({ serverAuth: fleetConfig });
  });

  it('mints an agent session token with the contract claims', async () => {
    const res = await request(t.app).post(SESSIONS).set(secret).send({ session_id: 's-1', agent_id: 'a-1', scope: 'jobs:read' }).expect(200);
    expect(Object.keys(res.body).sort()).to.deep.equal(['exp', 'session_token']);
    const claims = decodeJwt(res.body.session_token);
    const iat = Math.floor(t.clock.now() / 1000);
    expect(claims).to.include({ sub: 's-1', role: 'agent', session_id: 's-1', agent_id: 'a-1', scope: 'jobs:read', iat, exp: iat + 1800 });
    expect(res.body.exp).to.equal(claims.exp);
  });

  it('leaves scope out when not given, and accepts an allowed non-default role', async () => {
    const res = await request(t.app).post(SESSIONS).set(secret).send({ session_id: 's', agent_id: 'a', role: 'probe' }).expect(200);
    const claims = decodeJwt(res.body.session_token);
    expect(claims['role']).to.equal('probe');
    expect(claims).not.to.have.property('scope');
  });

  it('clamps ttl to [60, fleet_max_ttl_seconds]', async () => {
    const iat = Math.floor(t.clock.now() / 1000);
    for (const [asked, granted] of [[1, 60], [59, 60], [60, 60], [600, 600], [3600, 3600], [999_999, 3600]] as const) {
      const res = await request(t.app).post(SESSIONS).set(secret).send({ session_id: 's', agent_id: 'a', ttl: asked }).expect(200);
      expect(res.body.exp - iat, `ttl ${asked}`).to.equal(granted);
    }
    const bad = await request(t.app).post(SESSIONS).set(secret).send({ session_id: 's', agent_id: 'a', ttl: 'long' }).expect(400);
    expect(bad.body.detail).to.equal('ttl must be a number of seconds');
  });

  it('answers 401 for a missing or wrong secret', async () => {
    for (const headers of [{}, { 'X-Fleet-Secret': 'wrong' }, { 'X-Fleet-Secret': `${fleetConfig.fleet_mint_secret}x` }]) {
      const res = await request(t.app).post(SESSIONS).set(headers).send({ session_id: 's', agent_id: 'a' }).expect(401);
      expect(res.body.detail).to.equal('invalid X-Fleet-Secret');
    }
  });

  it('answers 403 for a role outside fleet_allowed_roles: the secret cannot mint operators', async () => {
    const res = await request(t.app).post(SESSIONS).set(secret).send({ session_id: 's', agent_id: 'a', role: 'operator' }).expect(403);
    expect(res.body.detail).to.equal('role not allowed for fleet sessions: operator');
  });

  it('answers 400 when session_id or agent_id is missing or empty', async () => {
    for (const body of [{}, { session_id: 's' }, { agent_id: 'a' }, { session_id: '', agent_id: 'a' }]) {
      const res = await request(t.app).post(SESSIONS).set(secret).send(body).expect(400);
      expect(res.body.detail).to.equal('session_id and agent_id required');
    }
  });

  it('issues tokens the guard accepts for the minted role only', async () => {
    const res = await request(t.app).post(SESSIONS).set(secret).send({ session_id: 's', agent_id: 'a' }).expect(200);
    const denied = await request(t.app).get(`${AUTH}/mints`).set(bearer(res.body.session_token)).expect(403);
    expect(denied.body.detail).to.equal("Requires one of roles: ['operator']");
  });

  describe('when fleet_mint_secret is empty (the default)', () => {
    it('answers 404 "fleet mint endpoint disabled", whatever the header', async () => {
      const disabled = await buildTestApp();
      const res = await request(disabled.app).post(SESSIONS).set({ 'X-Fleet-Secret': '' }).send({ session_id: 's', agent_id: 'a' }).expect(404);
      expect(res.body).to.deep.equal({ detail: 'fleet mint endpoint disabled', code: 'ERR_NOT_FOUND' });
    });
  });
});
