import { expect } from 'chai';
import { ServiceUnavailable } from '../../../src/errors/errors.js';
import { MemoryChallengeStore } from '../../../src/stores/memory/MemoryChallengeStore.js';
import { FakeClock } from '../../support/FakeClock.js';
import { challengeStoreContract } from '../challengeStore.contract.js';

challengeStoreContract('MemoryChallengeStore', async (ttlSeconds, maxPending, clock) => ({
  store: new MemoryChallengeStore({ ttlSeconds, maxPending, clock }),
  elapse: async (seconds) => clock.advance(seconds * 1000),
}));

describe('MemoryChallengeStore', () => {
  describe('create()', () => {
    it('when maxPending unexpired challenges are held, throws ServiceUnavailable; expired ones make room', async () => {
      const clock = new FakeClock();
      const store = new MemoryChallengeStore({ ttlSeconds: 10, maxPending: 2, clock });
      await store.create('a');
      clock.advance(5_000);
      await store.create('b');
      let error: unknown;
      await store.create('c').catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(ServiceUnavailable);
      clock.advance(5_000);
      await store.create('c');
      expect(store.size).to.equal(2);
    });
  });

  describe('cleanup()', () => {
    it('reports exactly the expired entries it removed', async () => {
      const clock = new FakeClock();
      const store = new MemoryChallengeStore({ ttlSeconds: 1, maxPending: 10, clock });
      await store.create('a');
      await store.create('b');
      clock.advance(1_000);
      await store.create('c');
      expect(await store.cleanup()).to.equal(2);
      expect(store.size).to.equal(1);
    });
  });

  describe('constructor', () => {
    it('throws RangeError for a non-positive ttl or bound', () => {
      expect(() => new MemoryChallengeStore({ ttlSeconds: 0, maxPending: 1, clock: new FakeClock() })).to.throw(RangeError);
      expect(() => new MemoryChallengeStore({ ttlSeconds: 1, maxPending: 0, clock: new FakeClock() })).to.throw(RangeError);
    });
  });
});
