/**
 * FlexibleRateLimiter on a fake clock: limits hit and recovered, per IP and
 * per account, the headers of a refusal, the password back-off and the
 * known-IP exemption that keeps a stranger from locking the admin out; and,
 * with a real Redis, two limiters (as two instances would be) sharing counts.
 */
import FakeTimers from '@sinonjs/fake-timers';
import { expect } from 'chai';
import { loadConfig } from '../../src/config/loadConfig.js';
import { TooManyRequests } from '../../src/errors/errors.js';
import { FlexibleRateLimiter } from '../../src/limits/FlexibleRateLimiter.js';
import { memoryLimiters, redisLimiters } from '../../src/limits/limiterFactories.js';
import { RecordingLogger } from '../support/RecordingLogger.js';
import { describeWithRedis, dropAndClose, openTestConnection, testPrefix } from '../support/redis.js';

async function settings(rateLimits: Record<string, unknown> = {}): Promise<Awaited<ReturnType<typeof loadConfig>>['server_auth']> {
  return (await loadConfig({ server_auth: { rate_limits: rateLimits } }, {})).server_auth;
}

async function refusal(promise: Promise<unknown>): Promise<TooManyRequests> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TooManyRequests) return error;
    throw error;
  }
  throw new Error('expected a 429');
}

describe('FlexibleRateLimiter', () => {
  let clock: ReturnType<typeof FakeTimers.install>;
  beforeEach(() => {
    clock = FakeTimers.install({ now: Date.UTC(2026, 0, 1), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  });
  afterEach(() => clock.uninstall());

  describe('consume()', () => {
    it('refuses past the per-IP limit with 429, Retry-After and RateLimit headers, and recovers after the window', async () => {
      const limiter = new FlexibleRateLimiter(
        await settings({ refresh: { per_ip: { points: 3, window_seconds: 60 } } }), memoryLimiters, new RecordingLogger(),
      );
      const states = [];
      for (let i = 0; i < 3; i += 1) states.push(await limiter.consume('refresh', { ip: '203.0.113.1' }));
      expect(states.map((s) => s[0]!.remaining)).to.deep.equal([2, 1, 0]);
      const refused = await refusal(limiter.consume('refresh', { ip: '203.0.113.1' }));
      expect(refused.status).to.equal(429);
      expect(refused.message).to.equal('too many requests');
      expect(refused.code).to.equal('ERR_RATE_LIMITED');
      expect(refused.headers).to.deep.equal({ 'Retry-After': '60', 'RateLimit-Policy': '"ip";q=3;w=60', RateLimit: '"ip";r=0;t=60' });
      // Another client is not affected.
      await limiter.consume('refresh', { ip: '203.0.113.2' });
      clock.tick(30_000);
      expect((await refusal(limiter.consume('refresh', { ip: '203.0.113.1' }))).headers['Retry-After']).to.equal('30');
      clock.tick(30_001);
      expect((await limiter.consume('refresh', { ip: '203.0.113.1' }))[0]!.remaining).to.equal(2);
    });

    it('counts the account across IPs, case-insensitively, and reports every limit that applied', async () => {
      const limiter = new FlexibleRateLimiter(
        await settings({ challenge: { per_ip: { points: 100, window_seconds: 60 }, per_account: { points: 2, window_seconds: 10 } } }),
        memoryLimiters,
        new RecordingLogger(),
      );
      await limiter.consume('challenge', { ip: '198.51.100.1', account: '0xAbC' });
      await limiter.consume('challenge', { ip: '198.51.100.2', account: '0xabc' });
      const refused = await refusal(limiter.consume('challenge', { ip: '198.51.100.3', account: '0XABC' }));
      expect(refused.headers['RateLimit-Policy']).to.equal('"ip";q=100;w=60, "account";q=2;w=10');
      expect(refused.headers['RateLimit']).to.equal('"account";r=0;t=10');
      // Requests that name no account count per IP only.
      expect(await limiter.consume('challenge', { ip: '198.51.100.3' })).to.have.length(1);
    });

    it('with enabled: false, never refuses and reports nothing', async () => {
      const limiter = new FlexibleRateLimiter(
        await settings({ enabled: false, refresh: { per_ip: { points: 1, window_seconds: 60 } } }), memoryLimiters, new RecordingLogger(),
      );
      for (let i = 0; i < 5; i += 1) expect(await limiter.consume('refresh', { ip: '203.0.113.1' })).to.deep.equal([]);
    });
  });

  describe('password back-off', () => {
    const admin = 'admin@pico.local';
    const limits = { login_failures: { free_attempts: 3, max_backoff_seconds: 16, account_failures: { points: 10, window_seconds: 600 } } };

    it('after free_attempts failures, waits 2, 4, 8 s... capped, per email and IP, and a success clears it', async () => {
      const limiter = new FlexibleRateLimiter(await settings(limits), memoryLimiters, new RecordingLogger());
      const waits: string[] = [];
      for (let i = 0; i < 6; i += 1) {
        await limiter.checkLogin(admin, '203.0.113.66').catch((error: TooManyRequests) => {
          waits.push(error.headers['Retry-After']!);
          clock.tick(Number(error.headers['Retry-After']) * 1000);
        });
        await limiter.checkLogin(admin, '203.0.113.66');
        await limiter.loginFailed(admin, '203.0.113.66');
      }
      expect(waits).to.deep.equal(['2', '4', '8']);
      expect((await refusal(limiter.checkLogin(admin, '203.0.113.66'))).headers['Retry-After']).to.equal('16');
      // Another IP is not slowed by this one's failures.
      await limiter.checkLogin(admin, '198.51.100.7');
      clock.tick(16_000);
      await limiter.checkLogin(admin, '203.0.113.66');
      await limiter.loginSucceeded(admin, '203.0.113.66');
      await limiter.loginFailed(admin, '203.0.113.66');
      await limiter.checkLogin(admin, '203.0.113.66'); // counting starts again
    });

    it('throttles the account from every IP past account_failures, except from an IP it logged in from', async () => {
      const limiter = new FlexibleRateLimiter(await settings(limits), memoryLimiters, new RecordingLogger());
      await limiter.loginSucceeded(admin, '192.0.2.1'); // the real admin's usual address
      for (let i = 0; i < 10; i += 1) await limiter.loginFailed(admin, `198.51.100.${i}`); // a stranger, many IPs
      const refused = await refusal(limiter.checkLogin(admin, '203.0.113.200'));
      expect(Number(refused.headers['Retry-After'])).to.be.within(1, 600);
      await limiter.checkLogin(admin, '192.0.2.1');
      await limiter.checkLogin('someone-else@pico.local', '203.0.113.200');
      clock.tick(600_001);
      await limiter.checkLogin(admin, '203.0.113.200');
    });
  });
});

describeWithRedis('FlexibleRateLimiter on Redis', (url) => {
  it('two limiters on one Redis (two instances) share every count', async () => {
    const prefix = testPrefix();
    const [a, b] = await Promise.all([openTestConnection(url, prefix), openTestConnection(url, prefix)]);
    try {
      const config = await settings({ sign_in: { per_ip: { points: 100, window_seconds: 60 }, per_account: { points: 4, window_seconds: 60 } } });
      const first = new FlexibleRateLimiter(config, redisLimiters(a), new RecordingLogger());
      const second = new FlexibleRateLimiter(config, redisLimiters(b), new RecordingLogger());
      await first.consume('sign_in', { ip: '203.0.113.1', account: 'wallet' });
      await second.consume('sign_in', { ip: '203.0.113.2', account: 'wallet' });
      await first.consume('sign_in', { ip: '203.0.113.3', account: 'wallet' });
      const last = await second.consume('sign_in', { ip: '203.0.113.4', account: 'wallet' });
      expect(last.find((s) => s.name === 'account')!.remaining).to.equal(0);
      await refusal(first.consume('sign_in', { ip: '203.0.113.5', account: 'wallet' }));
      await first.loginFailed('ops@x', '203.0.113.9');
      for (let i = 0; i < 5; i += 1) await second.loginFailed('ops@x', '203.0.113.9');
      await refusal(first.checkLogin('ops@x', '203.0.113.9'));
      expect((await a.client.keys(`${prefix}rate:*`)).length).to.be.greaterThan(0);
    } finally {
      await dropAndClose(a, prefix);
      await b.close();
    }
  });
});
