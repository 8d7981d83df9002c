import { expect } from 'chai';
import { ContainerModule } from 'inversify';
import { decodeJwt } from 'jose';
import request from 'supertest';
import { TYPES } from '../../../src/identifiers.js';
import type { MintAuditStore } from '../../../src/stores/MintAuditStore.js';
import { AUTH, buildTestApp, type TestApp } from '../../support/testApp.js';
import { bearer, mintToken } from '../../support/tokens.js';
import { mintsConfig } from './mints.config.js';

const jtiOf = (token: string): string => decodeJwt(token).jti!;
const listed = (body: { items: { jti: string }[] }): string[] => body.items.map((item) => item.jti);

describe('GET /mints', () => {
  let t: TestApp;
  let operator: string;
  beforeEach(async () => {
    t = await buildTestApp({ serverAuth: mintsConfig });
    operator = await mintToken(t.container, 'operator', 'ops', 3600);
  });

  it('lists tokens living at least mint_audit_min_ttl_seconds, newest first, with all fields', async () => {
    const short = await mintToken(t.container, 'service', 'short', 599);
    t.clock.advance(1000);
    const long = await mintToken(t.container, 'service', 'billing', 600);
    const res = await request(t.app).get(`${AUTH}/mints`).set(bearer(operator)).expect(200);
    expect(listed(res.body)).to.deep.equal([jtiOf(long), jtiOf(operator)]);
    expect(listed(res.body)).not.to.include(jtiOf(short));
    const iat = Math.floor(t.clock.now() / 1000);
    expect(res.body.items[0]).to.deep.equal({
      jti: jtiOf(long), sub: 'billing', role: 'service', iat, exp: iat + 600, kind: 'service',
      scope: null, agent_id: null, session_id: null, revoked: false,
    });
  });

  it('drops expired tokens and flags revoked ones', async () => {
    const soon = await mintToken(t.container, 'service', 'soon', 600);
    const later = await mintToken(t.container, 'service', 'later', 7200);
    await request(t.app).post(`${AUTH}/revoke`).set(bearer(operator)).send({ jti: jtiOf(later) }).expect(200);
    t.clock.advance(600_000);
    const fresh = await mintToken(t.container, 'operator', 'ops2', 3600);
    const res = await request(t.app).get(`${AUTH}/mints`).set(bearer(fresh)).expect(200);
    expect(listed(res.body)).to.include(jtiOf(later)).and.not.include(jtiOf(soon));
    expect(res.body.items.find((item: { jti: string }) => item.jti === jtiOf(later)).revoked).to.equal(true);
  });

  it('honours limit, and answers 400 outside 1..1000', async () => {
    for (let i = 0; i < 3; i += 1) await mintToken(t.container, 'service', `s${i}`, 3600);
    const one = await request(t.app).get(`${AUTH}/mints?limit=1`).set(bearer(operator)).expect(200);
    expect(one.body.items).to.have.length(1);
    for (const bad of ['0', '1001', 'abc', '-1', '1.5', '']) {
      const res = await request(t.app).get(`${AUTH}/mints?limit=${bad}`).set(bearer(operator)).expect(400);
      expect(res.body.detail).to.equal('limit must be an integer from 1 to 1000');
    }
    await request(t.app).get(`${AUTH}/mints?limit=1000`).set(bearer(operator)).expect(200);
  });

  it('keeps at most mint_audit_max_in_memory records, dropping the oldest', async () => {
    const tokens = [];
    for (let i = 0; i < 7; i += 1) tokens.push(await mintToken(t.container, 'service', `s${i}`, 3600));
    const res = await request(t.app).get(`${AUTH}/mints`).set(bearer(operator)).expect(200);
    expect(listed(res.body)).to.deep.equal(tokens.slice(2).reverse().map(jtiOf));
  });

  it('audits wallet and login sessions as access and refresh kinds', async () => {
    const withLogin = await buildTestApp({
      serverAuth: { ...mintsConfig, mint_audit_max_in_memory: 50, auto_create_admin: true, admin_password: 'pw-for-mints' },
    });
    const login = await request(withLogin.app).post(`${AUTH}/login`).send({ email: 'admin@pico.local', password: 'pw-for-mints' }).expect(200);
    const res = await request(withLogin.app).get(`${AUTH}/mints`).set(bearer(login.body.access_token)).expect(200);
    const kinds = Object.fromEntries(res.body.items.map((item: { jti: string; kind: string }) => [item.jti, item.kind]));
    expect(kinds[jtiOf(login.body.access_token)]).to.equal('access');
    expect(kinds[jtiOf(login.body.refresh_token)]).to.equal('refresh');
  });

  describe('when the audit store fails', () => {
    const failing: MintAuditStore = {
      record: async () => Promise.reject(new Error('disk full')),
      listLive: async () => [],
    };
    const brokenApp = (serverAuth: Record<string, unknown>): ReturnType<typeof buildTestApp> =>
      buildTestApp({
        serverAuth,
        modules: [new ContainerModule((bind) => void bind(TYPES.MintAuditStore).toConstantValue(failing))],
      });

    it('issues no token: 503, and the failure is logged', async () => {
      const broken = await brokenApp({ auto_create_admin: true, admin_password: 'pw-for-mints' });
      const res = await request(broken.app).post(`${AUTH}/login`).send({ email: 'admin@pico.local', password: 'pw-for-mints' }).expect(503);
      expect(res.body).to.not.have.property('access_token');
      expect(res.body.detail).to.equal('token not issued: the mint audit could not record it');
      const errors = broken.logger.lines.filter((line) => line.level === 'error');
      expect(errors.length).to.be.at.least(1);
      expect(errors[0]!.message).to.match(/mint audit failed/);
    });

    it('refuses a long-lived fleet token it cannot audit', async () => {
      const broken = await brokenApp({ fleet_mint_secret: 'f'.repeat(32) });
      const res = await request(broken.app)
        .post(`${AUTH}/fleet/sessions`)
        .set('X-Fleet-Secret', 'f'.repeat(32))
        .send({ session_id: 's', agent_id: 'a', ttl: 31_536_000 })
        .expect(503);
      expect(res.body).to.not.have.property('session_token');
    });

    it('still issues tokens shorter-lived than mint_audit_min_ttl_seconds, which are never audited', async () => {
      const broken = await brokenApp({ fleet_mint_secret: 'f'.repeat(32), mint_audit_min_ttl_seconds: 3600 });
      await request(broken.app)
        .post(`${AUTH}/fleet/sessions`)
        .set('X-Fleet-Secret', 'f'.repeat(32))
        .send({ session_id: 's', agent_id: 'a', ttl: 600 })
        .expect(200);
    });
  });
});
