/**
 * @module test/stores/jsonl/jsonlTokenFamilyStore
 * JsonlTokenFamilyStore: the TokenFamilyStore contract, the JSON Lines
 * durability cases, and what a file adds: used refresh tokens and revoked
 * families survive a restart, and every change is one line at least.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { JsonlTokenFamilyStore } from '../../../src/stores/jsonl/JsonlTokenFamilyStore.js';
import { FakeClock } from '../../support/FakeClock.js';
import { RecordingLogger } from '../../support/RecordingLogger.js';
import { appendLines, readJsonLines } from '../../support/storeFiles.js';
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

    it('when a 0.1 file holds token text, and it is opened, rewrites it with jtis and expiries only, keeping the state', async () => {
      const access = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJlLWEtMDEyMzQ1Njc4OQ';
      const refresh = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyIn0.c2lnbmF0dXJlLXItMDEyMzQ1Njc4OQ';
      appendLines(fixture.file, [
        { op: 'add', family: 'fam', members: [{ token: access, jti: 'a1', iat: 1, exp: FAR_EXP }, { token: refresh, jti: 'r1', iat: 1, exp: FAR_EXP }] },
        { op: 'use', jti: 'r1', exp: FAR_EXP },
        { op: 'add', family: 'dead', members: [{ token: access, jti: 'd1', iat: 1, exp: FAR_EXP }] },
        { op: 'revoke', family: 'dead' },
      ]);
      const logger = new RecordingLogger();

      const store = open(logger);

      const text = readFileSync(fixture.file, 'utf8');
      expect(text).to.not.include(access);
      expect(text).to.not.include(refresh);
      expect(text).to.not.include('"token"');
      expect(readJsonLines(fixture.file)).to.deep.equal([
        { op: 'add', family: 'fam', members: [member('a1'), member('r1')] },
        { op: 'use', jti: 'r1', exp: FAR_EXP },
        { op: 'add', family: 'dead', members: [member('d1')] },
        { op: 'revoke', family: 'dead' },
      ]);
      expect(logger.lines.some((line: { level: string; message: string }) => line.level === 'warn' && line.message.includes('removed token text'))).to.equal(true);
      expect(await store.useRefresh('r1', FAR_EXP)).to.equal(false);
      expect(await store.add('dead', [member('d2')])).to.equal(false);
      expect(await store.revokeFamily('fam')).to.deep.equal([member('a1'), member('r1')]);
    });

    it('when add() is handed members with more than jti and exp, keeps only those two in the file', async () => {
      const store = open();
      const leaky = { ...member('a1'), token: 'eyJ.secret.token' } as unknown as ReturnType<typeof member>;
      await store.add('fam', [leaky]);
      expect(readFileSync(fixture.file, 'utf8')).to.not.include('eyJ.secret.token');
      expect(await store.revokeFamily('fam')).to.deep.equal([member('a1')]);
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
