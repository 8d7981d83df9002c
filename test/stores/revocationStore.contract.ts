/**
 * @module test/stores/revocationStore.contract
 * The behaviour every RevocationStore driver owes (src/stores/RevocationStore.ts).
 * Each driver's spec calls `revocationStoreContract` with a factory.
 */
import { expect } from 'chai';
import type { RevocationEntry, RevocationStore } from '../../src/stores/RevocationStore.js';

export interface RevocationStoreFixture {
  readonly store: RevocationStore;
  readonly close?: () => Promise<void>;
}

/** Builds a fresh, empty store. */
export type RevocationStoreFactory = () => Promise<RevocationStoreFixture>;

/** An entry revoked at `revoked_at` by an operator, with the fields a test does not care about filled in. */
export function revocation(jti: string, revoked_at = 1_800_000_000, overrides: Partial<RevocationEntry> = {}): RevocationEntry {
  return { jti, revoked_at, reason: `reason for ${jti}`, revoked_by: 'operator@test', ...overrides };
}

export function revocationStoreContract(driver: string, make: RevocationStoreFactory): void {
  describe(`RevocationStore contract: ${driver}`, () => {
    let fixture: RevocationStoreFixture;
    let store: RevocationStore;
    beforeEach(async () => {
      fixture = await make();
      store = fixture.store;
    });
    afterEach(async () => fixture.close?.());

    describe('revoke()', () => {
      it('when the jti is new, and it is revoked, returns the entry as given', async () => {
        const given = revocation('a', 100, { reason: null });

        expect(await store.revoke(given)).to.deep.equal(given);
      });

      it('when the jti is already revoked, and a second call passes other fields, returns the original entry', async () => {
        const original = revocation('a', 100, { reason: 'stolen laptop', revoked_by: 'alice' });
        await store.revoke(original);

        const again = await store.revoke(revocation('a', 999, { reason: 'other', revoked_by: 'bob' }));

        expect(again).to.deep.equal(original);
        expect(await store.list()).to.deep.equal([original]);
      });

      it('when ten revokes of one jti race, and all resolve, each returns one identical entry, listed once', async () => {
        const calls = Array.from({ length: 10 }, (_, i) =>
          store.revoke(revocation('raced', 100 + i, { reason: `call ${i}`, revoked_by: `caller-${i}` })),
        );

        const results = await Promise.all(calls);

        for (const result of results) expect(result).to.deep.equal(results[0]);
        const listed = (await store.list()).filter((entry) => entry.jti === 'raced');
        expect(listed).to.deep.equal([results[0]]);
      });

      it('when exp is given, and the entry is read back, keeps exp', async () => {
        await store.revoke(revocation('with-exp', 100, { exp: 4_000_000_000 }));
        await store.revoke(revocation('without-exp', 101));

        const [without, withExp] = await store.list();

        expect(withExp).to.deep.equal(revocation('with-exp', 100, { exp: 4_000_000_000 }));
        expect(without).to.not.have.property('exp');
      });
    });

    describe('isRevoked()', () => {
      it('when the store is empty, and any jti is asked, returns false', async () => {
        expect(await store.isRevoked('a')).to.equal(false);
      });

      it('when one jti is revoked, and it and another are asked, returns true for it only', async () => {
        await store.revoke(revocation('a'));

        expect(await store.isRevoked('a')).to.equal(true);
        expect(await store.isRevoked('b')).to.equal(false);
        expect(await store.isRevoked('A')).to.equal(false);
      });
    });

    describe('list()', () => {
      it('when the store is empty, and it is listed, returns an empty list', async () => {
        expect(await store.list()).to.deep.equal([]);
      });

      it('when three jtis are revoked in turn, and one again, lists each once, newest first', async () => {
        for (const [i, jti] of ['a', 'b', 'c'].entries()) await store.revoke(revocation(jti, 100 + i));
        await store.revoke(revocation('a', 200));

        const listed = await store.list();

        expect(listed.map((entry) => entry.jti)).to.deep.equal(['c', 'b', 'a']);
        expect(listed[2]).to.deep.equal(revocation('a', 100));
      });
    });
  });
}
