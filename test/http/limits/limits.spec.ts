/**
 * The abuse limits over HTTP: 429 with Retry-After and the IETF rate-limit
 * headers past a limit, recovery after the window (fake Date), the client IP
 * behind trusted proxies and only then, the password back-off that leaves the
 * real admin alone, and `Cache-Control: no-store` on every token response.
 */
import FakeTimers from '@sinonjs/fake-timers';
import { expect } from 'chai';
import request from 'supertest';
import { AUTH, buildTestApp, type TestApp } from '../../support/testApp.js';
import { ed25519Wallet } from '../../support/wallets.js';
import { getChallenge, postSignIn, signInBody } from '../sign-in/signInSteps.js';

const ADMIN = { email: 'ops@example.test', password: 'limits-test-password' };
const FLEET_SECRET = 'limits-fleet-secret-0123456789abcdef';

describe('rate limits', () => {
  let clock: ReturnType<typeof FakeTimers.install>;
  let t: TestApp;
  beforeEach(() => {
    clock = FakeTimers.install({ now: Date.now(), toFake: ['Date'] });
  });
  afterEach(() => clock.uninstall());

  const challenge = (address: string, forwardedFor?: string): request.Test => {
    const req = request(t.app).post(`${AUTH}/challenge`).send({ address });
    return forwardedFor === undefined ? req : req.set('X-Forwarded-For', forwardedFor);
  };

  describe('POST /challenge', () => {
    beforeEach(async () => {
      t = await buildTestApp({ serverAuth: { rate_limits: { challenge: { per_ip: { points: 5, window_seconds: 60 }, per_account: { points: 3, window_seconds: 30 } } } } });
    });

    it('refuses the 4th challenge for one address with 429, Retry-After and RateLimit headers; recovers after the window', async () => {
      for (let i = 0; i < 3; i += 1) {
        const ok = await challenge('0xabc').expect(200);
        expect(ok.headers['ratelimit-policy']).to.equal('"ip";q=5;w=60, "account";q=3;w=30');
        expect(ok.headers['ratelimit']).to.equal(`"account";r=${2 - i};t=30`);
      }
      const refused = await challenge('0xABC').expect(429);
      expect(refused.body).to.deep.equal({ detail: 'too many requests', code: 'ERR_RATE_LIMITED' });
      expect(refused.headers['retry-after']).to.equal('30');
      expect(refused.headers['ratelimit']).to.equal('"account";r=0;t=30');
      expect(t.logger.lines.some((line) => line.level === 'warn' && line.message.startsWith('rate limit reached on challenge'))).to.equal(true);
      clock.tick(30_001);
      await challenge('0xabc').expect(200);
    });

    it('counts per IP across addresses', async () => {
      for (let i = 0; i < 5; i += 1) await challenge(`addr-${i}`).expect(200);
      const refused = await challenge('addr-new').expect(429);
      expect(refused.headers['retry-after']).to.equal('60');
    });

    it('ignores X-Forwarded-For without trusted proxies: a client cannot pick its own key', async () => {
      for (let i = 0; i < 5; i += 1) await challenge(`addr-${i}`, `198.51.100.${i}`).expect(200);
      await challenge('addr-new', '198.51.100.99').expect(429);
    });
  });

  describe('behind a trusted proxy', () => {
    it('counts the forwarded client, not the proxy', async () => {
      t = await buildTestApp({
        serverAuth: { trusted_proxies: ['127.0.0.1', '::1'], rate_limits: { challenge: { per_ip: { points: 2, window_seconds: 60 } } } },
      });
      await challenge('a1', '198.51.100.1').expect(200);
      await challenge('a2', '198.51.100.1').expect(200);
      await challenge('a3', '198.51.100.1').expect(429);
      await challenge('a4', '198.51.100.2').expect(200);
      // A spoofed left-most entry does not move the count: the proxy's own append is what counts.
      await challenge('a5', '6.6.6.6, 198.51.100.1').expect(429);
    });
  });

  describe('POST /login', () => {
    beforeEach(async () => {
      t = await buildTestApp({
        serverAuth: {
          auto_create_admin: true, admin_email: ADMIN.email, admin_password: ADMIN.password,
          trusted_proxies: ['127.0.0.1', '::1'],
          rate_limits: { login_failures: { free_attempts: 3, max_backoff_seconds: 8, account_failures: { points: 20, window_seconds: 600 } } },
        },
      });
    });
    const login = (password: string, from: string): request.Test =>
      request(t.app).post(`${AUTH}/login`).set('X-Forwarded-For', from).send({ email: ADMIN.email, password });

    it('backs off a guesser exponentially, while the admin from another address logs in, with no-store', async () => {
      for (let i = 0; i < 3; i += 1) await login('wrong', '203.0.113.66').expect(401);
      const first = await login('wrong', '203.0.113.66').expect(429);
      expect(first.headers['retry-after']).to.equal('2');
      // Even the right password waits: the back-off is checked before the password.
      await login(ADMIN.password, '203.0.113.66').expect(429);
      const ok = await login(ADMIN.password, '192.0.2.10').expect(200);
      expect(ok.headers['cache-control']).to.equal('no-store');
      clock.tick(2_001);
      await login('wrong', '203.0.113.66').expect(401);
      expect((await login('wrong', '203.0.113.66').expect(429)).headers['retry-after']).to.equal('4');
      const failures = t.logger.lines.filter((line) => line.message.startsWith('login failed (invalid_credentials)'));
      expect(failures.length).to.be.at.least(4);
      for (const line of t.logger.lines) expect(line.message).to.not.include(ADMIN.password);
    });
  });

  describe('token responses', () => {
    it('carry Cache-Control: no-store on /sign-in, /refresh and /fleet/sessions', async () => {
      t = await buildTestApp({
        serverAuth: { auto_create_admin: true, admin_email: ADMIN.email, admin_password: ADMIN.password, fleet_mint_secret: FLEET_SECRET },
      });
      const wallet = ed25519Wallet();
      const signIn = await postSignIn(t.app, signInBody(wallet, await getChallenge(t.app, wallet.publicKeyHex)));
      expect(signIn.status).to.equal(200);
      expect(signIn.headers['cache-control']).to.equal('no-store');
      const refreshed = await request(t.app).post(`${AUTH}/refresh`).send({ refresh_token: signIn.body.refresh_token }).expect(200);
      expect(refreshed.headers['cache-control']).to.equal('no-store');
      const fleet = await request(t.app).post(`${AUTH}/fleet/sessions`).set('X-Fleet-Secret', FLEET_SECRET).send({ session_id: 's', agent_id: 'a' }).expect(200);
      expect(fleet.headers['cache-control']).to.equal('no-store');
    });
  });

  describe('with rate_limits.enabled: false', () => {
    it('never refuses and sends no rate-limit headers', async () => {
      t = await buildTestApp({ serverAuth: { rate_limits: { enabled: false, challenge: { per_account: { points: 1, window_seconds: 60 } } } } });
      for (let i = 0; i < 5; i += 1) {
        const res = await challenge('same').expect(200);
        expect(res.headers).to.not.have.property('ratelimit');
      }
    });
  });
});
