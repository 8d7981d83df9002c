import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { ServiceUnavailable } from '../../../src/errors/errors.js';
import { RedisChallengeStore } from '../../../src/stores/redis/RedisChallengeStore.js';
import type { RedisConnection } from '../../../src/stores/redis/RedisConnection.js';
import { describeWithRedis, dropAndClose, keysUnder, openTestConnection, testPrefix } from '../../support/redis.js';
import { challengeStoreContract } from '../challengeStore.contract.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describeWithRedis('Redis challenge store', (url) => {
  // Redis expires challenges by its own clock: time passes for real here.
  challengeStoreContract('RedisChallengeStore', async (ttlSeconds, maxPending) => {
    const connection = await openTestConnection(url);
    return {
      store: new RedisChallengeStore(connection, { ttlSeconds, maxPending }),
      elapse: (seconds) => sleep(seconds * 1000),
      close: () => dropAndClose(connection),
    };
  });

  describe('RedisChallengeStore', () => {
    let connections: RedisConnection[];
    const open = async (prefix: string): Promise<RedisConnection> => {
      const connection = await openTestConnection(url, prefix);
      connections.push(connection);
      return connection;
    };
    beforeEach(() => {
      connections = [];
    });
    afterEach(async () => {
      await Promise.all(connections.map((connection) => dropAndClose(connection)));
    });

    describe('create()', () => {
      it('when maxPending unexpired challenges are held, throws ServiceUnavailable; expired ones make room', async () => {
        const store = new RedisChallengeStore(await open(testPrefix()), { ttlSeconds: 1, maxPending: 2 });
        await store.create('a');
        await store.create('b');

        const error = await store.create('c').catch((e: unknown) => e);

        expect(error).to.be.instanceOf(ServiceUnavailable);
        expect((error as ServiceUnavailable).message).to.equal('too many pending challenges, retry later');
        await sleep(1100);
        expect(await store.create('c')).to.match(/^[0-9a-f]{64}$/);
      });

      it('when a challenge is stored, keeps only digests under the prefix, with a TTL', async () => {
        const prefix = testPrefix();
        const connection = await open(prefix);
        const store = new RedisChallengeStore(connection, { ttlSeconds: 30, maxPending: 10 });
        const address = 'AbCdEf0123456789';

        const nonce = await store.create(address);

        const keys = await keysUnder(connection, prefix);
        const challengeKey = `${prefix}challenge:${createHash('sha256').update(nonce).digest('hex')}`;
        expect(keys.sort()).to.deep.equal([challengeKey, `${prefix}challenges:pending`].sort());
        const ttl = await connection.client.pttl(challengeKey);
        expect(ttl).to.be.within(1, 30_000);
        const stored = [
          ...keys,
          await connection.client.get(challengeKey),
          ...(await connection.client.zrange(`${prefix}challenges:pending`, 0, -1)),
        ].join(' ');
        expect(stored).not.to.contain(nonce);
        expect(stored.toLowerCase()).not.to.contain(address.toLowerCase());
      });
    });

    describe('validate() across instances', () => {
      it('when three clients race 30 times for one nonce, exactly one call consumes it', async () => {
        const prefix = testPrefix();
        const stores = await Promise.all(
          [0, 1, 2].map(async () => new RedisChallengeStore(await open(prefix), { ttlSeconds: 30, maxPending: 10 })),
        );
        const nonce = await stores[0]!.create('addr');

        const results = await Promise.all(Array.from({ length: 30 }, (_, i) => stores[i % 3]!.validate('ADDR', nonce)));

        expect(results.filter(Boolean)).to.have.length(1);
      });

      it('when the bound is shared, a challenge made through one client counts against another', async () => {
        const prefix = testPrefix();
        const [one, two] = await Promise.all(
          [0, 1].map(async () => new RedisChallengeStore(await open(prefix), { ttlSeconds: 30, maxPending: 1 })),
        );
        await one!.create('a');

        expect(await two!.create('b').catch((e: unknown) => e)).to.be.instanceOf(ServiceUnavailable);
      });
    });
  });
});
