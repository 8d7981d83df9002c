import { expect } from 'chai';
import { MemoryTokenFamilyStore } from '../../../src/stores/memory/MemoryTokenFamilyStore.js';
import { FakeClock } from '../../support/FakeClock.js';
import { member, tokenFamilyStoreContract } from '../tokenFamilyStore.contract.js';

tokenFamilyStoreContract('MemoryTokenFamilyStore', async () => ({ store: new MemoryTokenFamilyStore(new FakeClock()) }));

/** More writes than the store's sweep interval, so a sweep certainly runs. */
const SWEEP_TRIGGER = 2048;

describe('MemoryTokenFamilyStore', () => {
  describe('useRefresh()', () => {
    it('when many later writes trigger a sweep, and the used token has not expired, still returns false', async () => {
      const clock = new FakeClock();
      const nowSeconds = Math.floor(clock.now() / 1000);
      const store = new MemoryTokenFamilyStore(clock);
      await store.useRefresh('kept', nowSeconds + 60);
      clock.advance(30_000);

      for (let i = 0; i < SWEEP_TRIGGER; i += 1) await store.useRefresh(`filler-${i}`, nowSeconds + 10);

      expect(await store.useRefresh('kept', nowSeconds + 60)).to.equal(false);
    });
  });

  describe('add()', () => {
    it('when many later writes trigger a sweep, and a revoked family has live members, still refuses additions', async () => {
      const clock = new FakeClock();
      const nowSeconds = Math.floor(clock.now() / 1000);
      const store = new MemoryTokenFamilyStore(clock);
      await store.add('fam', [member('refresh', nowSeconds + 60)]);
      await store.revokeFamily('fam');
      clock.advance(30_000);

      for (let i = 0; i < SWEEP_TRIGGER; i += 1) await store.add(`filler-${i}`, [member(`f-${i}`, nowSeconds + 10)]);

      expect(await store.add('fam', [member('late', nowSeconds + 60)])).to.equal(false);
    });
  });
});
