/**
 * @module test/stores/tokenFamilyStore.contract
 * The behaviour every TokenFamilyStore driver owes (src/stores/TokenFamilyStore.ts).
 * Each driver's spec calls `tokenFamilyStoreContract` with a factory.
 */
import { expect } from 'chai';
import type { FamilyMember, TokenFamilyStore } from '../../src/stores/TokenFamilyStore.js';

export interface TokenFamilyStoreFixture {
  readonly store: TokenFamilyStore;
  readonly close?: () => Promise<void>;
}

/** Builds a fresh, empty store. */
export type TokenFamilyStoreFactory = () => Promise<TokenFamilyStoreFixture>;

/** Far beyond any test clock: nothing in the suite expires. */
export const FAR_EXP = 4_000_000_000;

export const member = (jti: string, exp = FAR_EXP): FamilyMember => ({ jti, exp });

export function tokenFamilyStoreContract(driver: string, make: TokenFamilyStoreFactory): void {
  describe(`TokenFamilyStore contract: ${driver}`, () => {
    let fixture: TokenFamilyStoreFixture;
    let store: TokenFamilyStore;
    beforeEach(async () => {
      fixture = await make();
      store = fixture.store;
    });
    afterEach(async () => fixture.close?.());

    describe('useRefresh()', () => {
      it('when a refresh jti is used, and used again, returns true then false', async () => {
        expect(await store.useRefresh('r1', FAR_EXP)).to.equal(true);
        expect(await store.useRefresh('r1', FAR_EXP)).to.equal(false);
        expect(await store.useRefresh('r1', FAR_EXP)).to.equal(false);
      });

      it('when one jti is used, and another is used, does not count the first against the second', async () => {
        await store.useRefresh('r1', FAR_EXP);

        expect(await store.useRefresh('r2', FAR_EXP)).to.equal(true);
      });

      it('when twenty calls race for one jti, and all resolve, returns true exactly once', async () => {
        const results = await Promise.all(Array.from({ length: 20 }, () => store.useRefresh('raced', FAR_EXP)));

        expect(results.filter((used) => used)).to.have.length(1);
        expect(await store.useRefresh('raced', FAR_EXP)).to.equal(false);
      });
    });

    describe('add()', () => {
      it('when members are added to a live family, and it is revoked, returns true and every member', async () => {
        expect(await store.add('fam', [member('access-1'), member('refresh-1')])).to.equal(true);
        expect(await store.add('fam', [member('access-2'), member('refresh-2', FAR_EXP - 1)])).to.equal(true);

        const revoked = await store.revokeFamily('fam');

        expect(revoked).to.have.deep.members([
          member('access-1'), member('refresh-1'), member('access-2'), member('refresh-2', FAR_EXP - 1),
        ]);
        expect(revoked).to.have.length(4);
      });

      it('when the family was revoked, and members are added, returns false and adds nothing', async () => {
        await store.add('fam', [member('access-1')]);
        await store.revokeFamily('fam');

        expect(await store.add('fam', [member('late-access'), member('late-refresh')])).to.equal(false);

        expect(await store.revokeFamily('fam')).to.deep.equal([member('access-1')]);
      });
    });

    describe('revokeFamily()', () => {
      it('when the family is unknown, and it is revoked, returns an empty list', async () => {
        expect(await store.revokeFamily('nobody')).to.deep.equal([]);
      });

      it('when an unknown family is revoked, and members are added later, refuses them', async () => {
        await store.revokeFamily('pre-emptive');

        expect(await store.add('pre-emptive', [member('a')])).to.equal(false);
      });

      it('when two families exist, and one is revoked, returns its members only and leaves the other live', async () => {
        await store.add('fam-a', [member('a1')]);
        await store.add('fam-b', [member('b1')]);

        expect(await store.revokeFamily('fam-a')).to.deep.equal([member('a1')]);
        expect(await store.add('fam-b', [member('b2')])).to.equal(true);
      });
    });
  });
}
