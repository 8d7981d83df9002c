import { expect } from 'chai';
import { RedisTokenFamilyStore } from '../../../src/stores/redis/RedisTokenFamilyStore.js';
import { FakeClock } from '../../support/FakeClock.js';
import { describeWithRedis, dropAndClose, openTestConnection, testPrefix } from '../../support/redis.js';
import { member, tokenFamilyStoreContract } from '../tokenFamilyStore.contract.js';

describeWithRedis('Redis token family store', (url) => {
  tokenFamilyStoreContract('RedisTokenFamilyStore', async () => {
    const connection = await openTestConnection(url);
    return { store: new RedisTokenFamilyStore(connection), close: () => dropAndClose(connection) };
  });

  describe('RedisTokenFamilyStore', () => {
    // Taken per test, not when the file loads: a long suite reaches these tests minutes later.
    let now: number;
    beforeEach(() => {
      now = Math.floor(Date.now() / 1000);
    });

    it('when a refresh token is used, its marker expires with the token, and never within a minute', async () => {
      const connection = await openTestConnection(url);
      try {
        const store = new RedisTokenFamilyStore(connection, new FakeClock(now * 1000));
        await store.useRefresh('long', now + 3600);
        await store.useRefresh('already-expired', now - 10);

        expect(await connection.client.ttl(`${connection.keyPrefix}refresh-used:long`)).to.be.within(3590, 3600);
        expect(await connection.client.ttl(`${connection.keyPrefix}refresh-used:already-expired`)).to.be.within(50, 60);
        expect(await store.useRefresh('already-expired', now - 10)).to.equal(false);
      } finally {
        await dropAndClose(connection);
      }
    });

    it('when members are added, the family expires with its latest member', async () => {
      const connection = await openTestConnection(url);
      try {
        const store = new RedisTokenFamilyStore(connection);
        await store.add('fam', [member('a', now + 100), member('r', now + 7200)]);
        await store.add('fam', [member('a2', now + 50)]);

        const ttl = await connection.client.ttl(`${connection.keyPrefix}family:fam`);
        expect(ttl).to.be.within(7100, 7200);
        expect(await connection.client.ttl(`${connection.keyPrefix}family:fam:members`)).to.be.within(7100, 7200);
      } finally {
        await dropAndClose(connection);
      }
    });

    it('when one instance revokes a family, another instance can no longer add to it', async () => {
      const prefix = testPrefix();
      const [one, two] = await Promise.all([openTestConnection(url, prefix), openTestConnection(url, prefix)]);
      try {
        await new RedisTokenFamilyStore(one).add('fam', [member('a')]);
        await new RedisTokenFamilyStore(two).revokeFamily('fam');

        expect(await new RedisTokenFamilyStore(one).add('fam', [member('late')])).to.equal(false);
      } finally {
        await dropAndClose(one);
        await two.close();
      }
    });

    it('when three clients race 30 times to use one refresh token, exactly one wins', async () => {
      const prefix = testPrefix();
      const connections = await Promise.all([0, 1, 2].map(() => openTestConnection(url, prefix)));
      try {
        const stores = connections.map((connection) => new RedisTokenFamilyStore(connection));
        const results = await Promise.all(Array.from({ length: 30 }, (_, i) => stores[i % 3]!.useRefresh('r', now + 600)));

        expect(results.filter(Boolean)).to.have.length(1);
      } finally {
        await dropAndClose(connections[0]!);
        await Promise.all(connections.slice(1).map((connection) => connection.close()));
      }
    });
  });
});
