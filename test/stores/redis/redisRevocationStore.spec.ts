import { expect } from 'chai';
import { RedisRevocationStore } from '../../../src/stores/redis/RedisRevocationStore.js';
import { describeWithRedis, dropAndClose, openTestConnection, testPrefix } from '../../support/redis.js';
import { revocation, revocationStoreContract } from '../revocationStore.contract.js';

describeWithRedis('Redis revocation store', (url) => {
  revocationStoreContract('RedisRevocationStore', async () => {
    const connection = await openTestConnection(url);
    return { store: new RedisRevocationStore(connection), close: () => dropAndClose(connection) };
  });

  describe('RedisRevocationStore', () => {
    it('when one client revokes, and a new client (a restarted server) reads, sees every entry', async () => {
      const prefix = testPrefix();
      const first = await openTestConnection(url, prefix);
      await new RedisRevocationStore(first).revoke(revocation('a', 100));
      await new RedisRevocationStore(first).revoke(revocation('b', 101, { exp: 4_000_000_000, reason: null }));
      await first.close();

      const second = await openTestConnection(url, prefix);
      try {
        const store = new RedisRevocationStore(second);
        expect(await store.isRevoked('a')).to.equal(true);
        expect(await store.list()).to.deep.equal([revocation('b', 101, { exp: 4_000_000_000, reason: null }), revocation('a', 100)]);
      } finally {
        await dropAndClose(second);
      }
    });

    it('when two clients revoke one jti at once, both get the same entry and it is listed once', async () => {
      const prefix = testPrefix();
      const [one, two] = await Promise.all([openTestConnection(url, prefix), openTestConnection(url, prefix)]);
      try {
        const [a, b] = await Promise.all([
          new RedisRevocationStore(one).revoke(revocation('x', 100, { revoked_by: 'one' })),
          new RedisRevocationStore(two).revoke(revocation('x', 200, { revoked_by: 'two' })),
        ]);
        expect(a).to.deep.equal(b);
        expect(await new RedisRevocationStore(one).list()).to.deep.equal([a]);
      } finally {
        await dropAndClose(one);
        await two.close();
      }
    });

    it('when more entries than one Lua unpack() can take are revoked, lists them all, newest first', async () => {
      const connection = await openTestConnection(url);
      try {
        const store = new RedisRevocationStore(connection);
        const count = 9000;
        for (let i = 0; i < count; i += 500) {
          await Promise.all(Array.from({ length: 500 }, (_, j) => store.revoke(revocation(`j${i + j}`, i + j))));
        }
        const listed = await store.list();
        expect(listed).to.have.length(count);
        expect(listed[0]!.jti).to.match(/^j\d+$/);
        expect(new Set(listed.map((entry) => entry.jti)).size).to.equal(count);
      } finally {
        await dropAndClose(connection);
      }
    });
  });
});
