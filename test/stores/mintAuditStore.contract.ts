/**
 * @module test/stores/mintAuditStore.contract
 * The behaviour every MintAuditStore driver owes (src/stores/MintAuditStore.ts).
 * Each driver's spec calls `mintAuditStoreContract` with a factory.
 */
import { expect } from 'chai';
import type { MintAuditStore, MintRecord } from '../../src/stores/MintAuditStore.js';

export interface MintAuditStoreFixture {
  readonly store: MintAuditStore;
  readonly close?: () => Promise<void>;
}

/** Builds a fresh, empty store keeping at most `maxEntries` records. */
export type MintAuditStoreFactory = (maxEntries: number) => Promise<MintAuditStoreFixture>;

/** "Now" for every listing in the suite, in epoch seconds. */
export const NOW = 1_800_000_000;

/** A fleet mint issued at `iat` that lives until `exp`. */
export function mintRecord(jti: string, iat = NOW - 60, exp = NOW + 3600, overrides: Partial<MintRecord> = {}): MintRecord {
  return {
    jti, sub: `sub-${jti}`, role: 'agent', iat, exp, kind: 'fleet',
    scope: 'read', agent_id: `agent-${jti}`, session_id: `session-${jti}`, ...overrides,
  };
}

const jtis = (records: readonly MintRecord[]): string[] => records.map((record) => record.jti);

export function mintAuditStoreContract(driver: string, make: MintAuditStoreFactory): void {
  describe(`MintAuditStore contract: ${driver}`, () => {
    let fixture: MintAuditStoreFixture | undefined;
    const open = async (maxEntries = 100): Promise<MintAuditStore> => {
      fixture = await make(maxEntries);
      return fixture.store;
    };
    afterEach(async () => {
      await fixture?.close?.();
      fixture = undefined;
    });

    describe('record()', () => {
      it('when a record is stored, and listed, comes back with every field', async () => {
        const store = await open();
        const record = mintRecord('a', NOW - 10, NOW + 10, { kind: 'service', scope: null, agent_id: null, session_id: null });

        await store.record(record);

        expect(await store.listLive(NOW, 10)).to.deep.equal([record]);
      });

      it('when a jti is recorded twice, and listed, keeps the first record in its place', async () => {
        const store = await open();
        await store.record(mintRecord('a'));
        await store.record(mintRecord('b'));

        await store.record(mintRecord('a', NOW, NOW + 7200, { sub: 'impostor' }));

        expect(await store.listLive(NOW, 10)).to.deep.equal([mintRecord('b'), mintRecord('a')]);
      });

      it('when more records than maxEntries are stored, and listed, drops the oldest first', async () => {
        const store = await open(3);

        for (const jti of ['a', 'b', 'c', 'd', 'e']) await store.record(mintRecord(jti));

        expect(jtis(await store.listLive(NOW, 100))).to.deep.equal(['e', 'd', 'c']);
      });
    });

    describe('listLive()', () => {
      it('when records were minted in turn, and listed, returns them newest first', async () => {
        const store = await open();

        for (const [i, jti] of ['a', 'b', 'c'].entries()) await store.record(mintRecord(jti, NOW - 100 + i));

        expect(jtis(await store.listLive(NOW, 10))).to.deep.equal(['c', 'b', 'a']);
      });

      it('when some records expire at or before now, and listed, leaves those out', async () => {
        const store = await open();
        await store.record(mintRecord('expired-long-ago', NOW - 7200, NOW - 3600));
        await store.record(mintRecord('live', NOW - 60, NOW + 1));
        await store.record(mintRecord('expires-now', NOW - 60, NOW));

        expect(jtis(await store.listLive(NOW, 10))).to.deep.equal(['live']);
        expect(jtis(await store.listLive(NOW - 3601, 10))).to.deep.equal(['expires-now', 'live', 'expired-long-ago']);
      });

      it('when more live records exist than the limit, and listed, returns the newest `limit`', async () => {
        const store = await open();
        for (const jti of ['a', 'b', 'c', 'd']) await store.record(mintRecord(jti));

        expect(jtis(await store.listLive(NOW, 2))).to.deep.equal(['d', 'c']);
        expect(jtis(await store.listLive(NOW, 1))).to.deep.equal(['d']);
      });

      it('when the newest records have expired, and a limit is given, fills the limit with older live ones', async () => {
        const store = await open();
        await store.record(mintRecord('old-live'));
        await store.record(mintRecord('older-live'));
        await store.record(mintRecord('new-expired', NOW - 60, NOW - 1));

        expect(jtis(await store.listLive(NOW, 2))).to.deep.equal(['older-live', 'old-live']);
      });
    });
  });
}
