/**
 * @module test/stores/redis/redisConnection
 * Redis going away under the stores: a private redis-server is killed, frozen
 * and restarted while the same store instances keep being called.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { BootError } from '../../../src/errors/BootError.js';
import { ServiceUnavailable } from '../../../src/errors/errors.js';
import { RedisChallengeStore } from '../../../src/stores/redis/RedisChallengeStore.js';
import { RedisConnection } from '../../../src/stores/redis/RedisConnection.js';
import { RedisRevocationStore } from '../../../src/stores/redis/RedisRevocationStore.js';
import { RecordingLogger } from '../../support/RecordingLogger.js';
import { RedisServerProcess, describeWithRedisServer, freePort, testPrefix } from '../../support/redis.js';
import { revocation } from '../revocationStore.contract.js';

/** Calls `attempt` until it resolves (Redis back), at most for `ms`. */
async function eventually<T>(attempt: () => Promise<T>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => expect.fail('expected a rejection'), (error: unknown) => error);
}

describeWithRedisServer('RedisConnection', () => {
  describe('connect()', () => {
    it('when nothing answers at the URL, rejects within the timeout with a BootError naming the URL without credentials', async () => {
      const port = await freePort();
      const connection = new RedisConnection({
        url: `redis://pico:s3cret-password@127.0.0.1:${port}/2`, connectTimeoutMs: 300, logger: new RecordingLogger(),
      });
      const started = Date.now();

      const error = await rejection(connection.connect());
      await connection.close();

      expect(error).to.be.instanceOf(BootError);
      expect((error as Error).message).to.contain(`redis://127.0.0.1:${port}/2`);
      expect((error as Error).message).to.contain('within 300 ms');
      expect((error as Error).message).not.to.contain('s3cret');
      expect(Date.now() - started).to.be.below(2000);
    });
  });

  describe('while Redis is down, and after it is back', () => {
    let dir: string;
    let server: RedisServerProcess;
    let connection: RedisConnection;
    let logger: RecordingLogger;
    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'pico-redis-'));
      server = await RedisServerProcess.start({ dir, persist: true });
      logger = new RecordingLogger();
      connection = new RedisConnection({ url: server.url, keyPrefix: testPrefix(), commandTimeoutMs: 300, logger });
      await connection.connect();
    });
    afterEach(async () => {
      server.freeze(false);
      await connection.close();
      await server.stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    });

    it('when Redis is killed, every call throws ServiceUnavailable (never "not revoked"), and the same instances recover', async () => {
      const revocations = new RedisRevocationStore(connection);
      const challenges = new RedisChallengeStore(connection, { ttlSeconds: 60, maxPending: 100 });
      await revocations.revoke(revocation('stolen'));

      await server.stop('SIGKILL');

      const checked = await rejection(revocations.isRevoked('stolen'));
      expect(checked).to.be.instanceOf(ServiceUnavailable);
      expect((checked as ServiceUnavailable).message).to.equal('store unavailable: revocation store: Redis is unreachable, retry later');
      expect((checked as ServiceUnavailable).headers).to.deep.equal({ 'Retry-After': '1' });
      expect(await rejection(challenges.create('addr'))).to.be.instanceOf(ServiceUnavailable);
      expect(await rejection(challenges.validate('addr', 'f'.repeat(64)))).to.be.instanceOf(ServiceUnavailable);
      const warnings = logger.lines.filter((line) => line.level === 'warn');
      expect(warnings, JSON.stringify(warnings)).to.have.length(1);

      await server.restart();

      const nonce = await eventually(() => challenges.create('addr'));
      expect(await challenges.validate('addr', nonce)).to.equal(true);
      expect(logger.lines.some((line) => line.message.includes('reachable again'))).to.equal(true);
    });

    it('when Redis stops cleanly with an append-only file, keeps the denylist across its restart', async () => {
      const revocations = new RedisRevocationStore(connection);
      await revocations.revoke(revocation('stolen', 100, { exp: 4_000_000_000 }));

      await server.stop('SIGTERM');
      await server.restart();

      expect(await eventually(() => revocations.isRevoked('stolen'))).to.equal(true);
      expect(await revocations.list()).to.deep.equal([revocation('stolen', 100, { exp: 4_000_000_000 })]);
    });

    it('when Redis hangs without closing the connection, a call fails with ServiceUnavailable after the command timeout', async () => {
      const revocations = new RedisRevocationStore(connection);
      server.freeze(true);
      const started = Date.now();

      expect(await rejection(revocations.isRevoked('x'))).to.be.instanceOf(ServiceUnavailable);
      expect(Date.now() - started).to.be.within(250, 1500);

      server.freeze(false);
      expect(await eventually(() => revocations.isRevoked('x'))).to.equal(false);
    });
  });

  describe('close()', () => {
    it('when closed, stays closed: no reconnect, calls answer ServiceUnavailable', async () => {
      const server = await RedisServerProcess.start();
      try {
        const connection = new RedisConnection({ url: server.url, logger: new RecordingLogger() });
        await connection.connect();
        await connection.close();

        expect(connection.client.status).to.equal('end');
        expect(await rejection(new RedisRevocationStore(connection).isRevoked('x'))).to.be.instanceOf(ServiceUnavailable);
      } finally {
        await server.stop('SIGKILL');
      }
    });
  });
});
