import { expect } from 'chai';
import { RedisMintAuditStore } from '../../../src/stores/redis/RedisMintAuditStore.js';
import { describeWithRedis, dropAndClose, keysUnder, openTestConnection } from '../../support/redis.js';
import { NOW, mintAuditStoreContract, mintRecord } from '../mintAuditStore.contract.js';

describeWithRedis('Redis mint audit store', (url) => {
  mintAuditStoreContract('RedisMintAuditStore', async (maxEntries) => {
    const connection = await openTestConnection(url);
    return { store: new RedisMintAuditStore(connection, maxEntries), close: () => dropAndClose(connection) };
  });

  describe('RedisMintAuditStore', () => {
    it('when the cap is passed, keeps hash and order set at the cap', async () => {
      const connection = await openTestConnection(url);
      try {
        const store = new RedisMintAuditStore(connection, 5);
        for (let i = 0; i < 12; i += 1) await store.record(mintRecord(`m${i}`));

        expect(await connection.client.hlen(`${connection.keyPrefix}mints`)).to.equal(5);
        expect(await connection.client.zcard(`${connection.keyPrefix}mints:order`)).to.equal(5);
        expect((await keysUnder(connection, connection.keyPrefix)).length).to.equal(3);
      } finally {
        await dropAndClose(connection);
      }
    });

    it('when live records sit behind more than a page of expired ones, still finds them', async () => {
      const connection = await openTestConnection(url);
      try {
        const store = new RedisMintAuditStore(connection, 10_000);
        await store.record(mintRecord('live-old'));
        for (let i = 0; i < 2500; i += 250) {
          await Promise.all(Array.from({ length: 250 }, (_, j) => store.record(mintRecord(`x${i + j}`, NOW - 60, NOW - 1))));
        }
        await store.record(mintRecord('live-new'));

        expect((await store.listLive(NOW, 5)).map((record) => record.jti)).to.deep.equal(['live-new', 'live-old']);
      } finally {
        await dropAndClose(connection);
      }
    });
  });
});
