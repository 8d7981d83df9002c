/**
 * @module test/stores/jsonl/jsonlTokenFamilyStore
 * JsonlTokenFamilyStore: the TokenFamilyStore contract, the JSON Lines
 * durability cases, and what a file adds: used refresh tokens and revoked
 * families survive a restart, and every change is one line at least.
 */
import { expect } from 'chai';
import { JsonlTokenFamilyStore } from '../../../src/stores/jsonl/JsonlTokenFamilyStore.js';
import { FakeClock } from '../../support/FakeClock.js';
import { readJsonLines } from '../../support/storeFiles.js';
import { FAR_EXP, member, tokenFamilyStoreContract } from '../tokenFamilyStore.contract.js';
import { jsonlContractStore, jsonlDurabilitySuite, jsonlFixture, type JsonlBuild } from './jsonlFixture.js';

const FILE = 'families.jsonl';
const build: JsonlBuild<JsonlTokenFamilyStore> = (file, logger) => new JsonlTokenFamilyStore(file, new FakeClock(), logger);

tokenFamilyStoreContract('JsonlTokenFamilyStore', jsonlContractStore(FILE, build));

jsonlDurabilitySuite('JsonlTokenFamilyStore', {
  fileName: FILE,
  build,
  damaged: {
    lines: [
      { op: 'add', family: 'fam', members: [member('m1')] },
      'garbage',
      { op: 'use', jti: 'r1', exp: FAR_EXP },
      { op: 'add', family: 'fam', members: [{ jti: 7 }] },
    ],
    torn: '{"op":"use","jti":"r2"',
    check: async (store) => {
      expect(await store.useRefresh('r1', FAR_EXP)).to.equal(false);
      expect(await store.useRefresh('r2', FAR_EXP)).to.equal(true);
      expect(await store.revokeFamily('fam')).to.deep.equal([member('m1')]);
    },
  },
  afterTorn: {
    line: { op: 'use', jti: 'r1', exp: FAR_EXP },
    write: async (store) => {
      expect(await store.useRefresh('r2', FAR_EXP)).to.equal(true);
    },
    check: async (reopened) => {
      expect(await reopened.useRefresh('r2', FAR_EXP)).to.equal(false);
    },
    keepsFragment: false,
  },
});

describe('JsonlTokenFamilyStore', () => {
  const fixture = jsonlFixture(FILE, build);
  const { open, reopen } = fixture;

  describe('constructor', () => {
    it('when a refresh token was used before a restart, and the file is reopened, it stays used', async () => {
      const first = open();
      expect(await first.useRefresh('r1', FAR_EXP)).to.equal(true);

      const second = await reopen(first);

      expect(await second.useRefresh('r1', FAR_EXP)).to.equal(false);
      expect(await second.useRefresh('r2', FAR_EXP)).to.equal(true);
    });

    it('when families were added and one revoked before a restart, and the file is reopened, both survive', async () => {
      const first = open();
      await first.add('live', [member('l1'), member('l2')]);
      await first.add('dead', [member('d1')]);
      await first.revokeFamily('dead');

      const second = await reopen(first);

      expect(await second.add('dead', [member('d2')])).to.equal(false);
      expect(await second.revokeFamily('live')).to.deep.equal([member('l1'), member('l2')]);
    });
  });

  describe('add(), useRefresh() and revokeFamily()', () => {
    it('when each has resolved, and the file is read, holds one JSON object per line, at least one per change', async () => {
      const store = open();
      await store.add('fam', [member('a1'), member('r1')]);
      await store.useRefresh('r1', FAR_EXP);
      await store.revokeFamily('fam');

      expect(readJsonLines(fixture.file)).to.have.length.of.at.least(3);
    });
  });
});
