/**
 * @module test/stores/challengeStore.contract
 * The behaviour every ChallengeStore driver owes (src/stores/ChallengeStore.ts).
 * Each driver's spec calls `challengeStoreContract` with a factory.
 */
import { expect } from 'chai';
import type { ChallengeStore } from '../../src/stores/ChallengeStore.js';
import { FakeClock } from '../support/FakeClock.js';

export interface ChallengeStoreFixture {
  readonly store: ChallengeStore;
  /** Makes `seconds` pass for the store (a fake clock, or a real wait for server-side TTLs). */
  readonly elapse: (seconds: number) => Promise<void>;
  readonly close?: () => Promise<void>;
}

/** `make(ttlSeconds, maxPending, clock)` builds a fresh, empty store. */
export type ChallengeStoreFactory = (ttlSeconds: number, maxPending: number, clock: FakeClock) => Promise<ChallengeStoreFixture>;

export function challengeStoreContract(driver: string, make: ChallengeStoreFactory): void {
  describe(`ChallengeStore contract: ${driver}`, () => {
    let fixture: ChallengeStoreFixture;
    let store: ChallengeStore;
    beforeEach(async () => {
      fixture = await make(2, 50, new FakeClock());
      store = fixture.store;
    });
    afterEach(async () => fixture.close?.());

    describe('create()', () => {
      it('returns 64 lowercase hex characters, different every time', async () => {
        const nonces = await Promise.all(Array.from({ length: 20 }, () => store.create('addr')));
        for (const nonce of nonces) expect(nonce).to.match(/^[0-9a-f]{64}$/);
        expect(new Set(nonces).size).to.equal(nonces.length);
      });

      it('does not cancel other pending challenges for the same address', async () => {
        const first = await store.create('addr');
        await store.create('addr');
        expect(await store.validate('addr', first)).to.equal(true);
      });
    });

    describe('validate()', () => {
      it('consumes a nonce once, comparing addresses case-insensitively', async () => {
        const nonce = await store.create('0xAbC');
        expect(await store.validate('0xabc', nonce)).to.equal(true);
        expect(await store.validate('0xabc', nonce)).to.equal(false);
      });

      it('returns true for exactly one of many concurrent calls', async () => {
        const nonce = await store.create('addr');
        const results = await Promise.all(Array.from({ length: 25 }, () => store.validate('addr', nonce)));
        expect(results.filter(Boolean)).to.have.length(1);
      });

      it('refuses an unknown nonce, and one issued for another address without consuming it', async () => {
        const nonce = await store.create('alice');
        expect(await store.validate('alice', 'f'.repeat(64))).to.equal(false);
        expect(await store.validate('mallory', nonce)).to.equal(false);
        expect(await store.validate('alice', nonce)).to.equal(true);
      });

      it('refuses a nonce once its ttl has passed', async () => {
        const nonce = await store.create('addr');
        await fixture.elapse(2.5);
        expect(await store.validate('addr', nonce)).to.equal(false);
      });
    });

    describe('cleanup()', () => {
      it('removes expired challenges only, and reports how many', async () => {
        await store.create('a');
        await store.create('b');
        await fixture.elapse(2.5);
        const fresh = await store.create('c');
        const removed = await store.cleanup();
        expect(removed).to.be.at.most(2);
        expect(await store.cleanup()).to.equal(0);
        expect(await store.validate('c', fresh)).to.equal(true);
      });
    });
  });
}
