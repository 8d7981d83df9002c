/**
 * @module test/stores/redis/redisStoresModule
 * `redisStoresModule` rebinds every shared store at once, loaded before or
 * after `serverAuthModule`; `init()` loads it from a `redis:` config section
 * and refuses to start when Redis does not answer.
 */
import { expect } from 'chai';
import { Container, ContainerModule, type interfaces } from 'inversify';
import request from 'supertest';
import {
  BootError, init, RedisChallengeStore, RedisMintAuditStore, RedisRevocationStore, RedisTokenFamilyStore,
  redisStoresModule, serverAuthModule, TYPES,
} from '../../../src/index.js';
import { closeRedis } from '../../../src/stores/redis/redisStoresModule.js';
import { RecordingLogger } from '../../support/RecordingLogger.js';
import { describeWithRedis, dropAndClose, freePort, keysUnder, testPrefix } from '../../support/redis.js';

const NO_DISCOVERY = { PICO_BOOT_AUTO_PLUGINS: 'false' };

function loggerModule(logger: RecordingLogger): ContainerModule {
  return new ContainerModule((bind) => {
    bind(TYPES.Logger).toConstantValue(logger);
  });
}

function expectRedisStores(container: interfaces.Container): void {
  expect(container.get(TYPES.ChallengeStore)).to.be.instanceOf(RedisChallengeStore);
  expect(container.get(TYPES.RevocationStore)).to.be.instanceOf(RedisRevocationStore);
  expect(container.get(TYPES.MintAuditStore)).to.be.instanceOf(RedisMintAuditStore);
  expect(container.get(TYPES.TokenFamilyStore)).to.be.instanceOf(RedisTokenFamilyStore);
}

describeWithRedis('redisStoresModule', (url) => {
  describe('loading', () => {
    for (const order of ['before', 'after'] as const) {
      it(`when loaded ${order} serverAuthModule, binds every shared store to its Redis driver, once`, async () => {
        const container = new Container();
        container.load(loggerModule(new RecordingLogger()));
        const redis = redisStoresModule({ url, keyPrefix: testPrefix(), logger: new RecordingLogger() });
        if (order === 'before') container.load(redis, serverAuthModule);
        else container.load(serverAuthModule, redis);
        try {
          await redis.connect();
          expectRedisStores(container);
          expect(container.get(TYPES.RedisConnection)).to.equal(redis.connection);
        } finally {
          await dropAndClose(redis.connection);
        }
      });
    }

    it('when the container has settings, the challenge TTL and audit cap come from them', async () => {
      const prefix = testPrefix();
      const container = await init({
        modules: [loggerModule(new RecordingLogger()), serverAuthModule],
        config: { server_auth: { challenge_ttl_seconds: 7 }, redis: { url, key_prefix: prefix } },
        env: NO_DISCOVERY,
      });
      const connection = container.get(TYPES.RedisConnection);
      try {
        const res = await request(container.get(TYPES.App)).post('/api/v1/auth/challenge').send({ address: 'abc' });

        expect(res.status).to.equal(200);
        const keys = (await keysUnder(connection, prefix)).filter((key) => key.includes(':challenge:'));
        expect(keys).to.have.length(1);
        expect(await connection.client.pttl(keys[0]!)).to.be.within(1, 7000);
      } finally {
        await dropAndClose(connection);
      }
    });
  });

  describe('init() with a redis: section', () => {
    it('when redis.url is set, binds the Redis stores and serves through them; closeRedis closes the client', async () => {
      const prefix = testPrefix();
      const logger = new RecordingLogger();
      const container = await init({
        modules: [loggerModule(logger), serverAuthModule],
        config: { redis: { url, key_prefix: prefix } },
        env: NO_DISCOVERY,
      });
      const connection = container.get(TYPES.RedisConnection);
      try {
        expectRedisStores(container);
        expect(connection.ready).to.equal(true);
        expect(logger.lines.map((line) => line.message)).to.include(`connected to Redis at ${url} (key prefix ${prefix})`);
      } finally {
        const keys = await keysUnder(connection, prefix);
        if (keys.length > 0) await connection.client.del(...keys);
        await closeRedis(container);
      }
      expect(connection.client.status).to.equal('end');
    });

    it('when redis.url is empty (the default), binds no Redis connection', async () => {
      const container = await init({ modules: [loggerModule(new RecordingLogger()), serverAuthModule], config: {}, env: NO_DISCOVERY });

      expect(container.isBound(TYPES.RedisConnection)).to.equal(false);
    });

    it('when Redis does not answer, rejects with a BootError naming the URL without credentials', async () => {
      const port = await freePort();
      const error = await init({
        modules: [loggerModule(new RecordingLogger()), serverAuthModule],
        config: { redis: { url: `redis://:hunter2@127.0.0.1:${port}`, connect_timeout_ms: 200 } },
        env: NO_DISCOVERY,
      }).then(() => expect.fail('init() should have failed'), (e: unknown) => e);

      expect(error).to.be.instanceOf(BootError);
      expect((error as Error).message).to.match(new RegExp(`^redis\\.url: cannot connect to Redis at redis://127\\.0\\.0\\.1:${port} within 200 ms`));
      expect((error as Error).message).not.to.contain('hunter2');
    });

    it('when file store paths are set too, warns that they are not used', async () => {
      const prefix = testPrefix();
      const logger = new RecordingLogger();
      const container = await init({
        modules: [loggerModule(logger), serverAuthModule],
        config: { server_auth: { revocation_store_path: '/nonexistent/revocations.jsonl' }, redis: { url, key_prefix: prefix } },
        env: NO_DISCOVERY,
      });
      await dropAndClose(container.get(TYPES.RedisConnection));

      expect(logger.lines.filter((line) => line.level === 'warn').map((line) => line.message)).to.deep.equal([
        `server_auth.revocation_store_path is not used: the stores live in Redis (${url})`,
      ]);
    });
  });
});
