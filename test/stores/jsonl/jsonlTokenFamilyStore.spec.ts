import { mkdirSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import { JsonlTokenFamilyStore } from '../../../src/stores/jsonl/JsonlTokenFamilyStore.js';
import { FakeClock } from '../../support/FakeClock.js';
import { RecordingLogger } from '../../support/RecordingLogger.js';
import { StoreDir, appendLines, appendTornLine, readJsonLines, warnedLineNumbers } from '../../support/storeFiles.js';
import { FAR_EXP, member, tokenFamilyStoreContract } from '../tokenFamilyStore.contract.js';

tokenFamilyStoreContract('JsonlTokenFamilyStore', async () => {
  const dir = new StoreDir();
  const store = new JsonlTokenFamilyStore(dir.file('families.jsonl'), new FakeClock(), new RecordingLogger());
  return {
    store,
    close: async () => {
      await store.close();
      dir.remove();
    },
  };
});

describe('JsonlTokenFamilyStore', () => {
  let dir: StoreDir;
  let file: string;
  let opened: JsonlTokenFamilyStore[];
  const open = (logger = new RecordingLogger()): JsonlTokenFamilyStore => {
    const store = new JsonlTokenFamilyStore(file, new FakeClock(), logger);
    opened.push(store);
    return store;
  };
  const reopen = async (store: JsonlTokenFamilyStore, logger = new RecordingLogger()): Promise<JsonlTokenFamilyStore> => {
    await store.close();
    opened.splice(opened.indexOf(store), 1);
    return open(logger);
  };

  beforeEach(() => {
    dir = new StoreDir();
    file = dir.file('families.jsonl');
    opened = [];
  });
  afterEach(async () => {
    await Promise.all(opened.map((store) => store.close()));
    dir.remove();
  });

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

    it('when a middle line is malformed and the last is torn, and the file is opened, skips them warning file:line', async () => {
      appendLines(file, [
        { op: 'add', family: 'fam', members: [member('m1')] },
        'garbage',
        { op: 'use', jti: 'r1', exp: FAR_EXP },
        { op: 'add', family: 'fam', members: [{ jti: 7 }] },
      ]);
      appendTornLine(file, '{"op":"use","jti":"r2"');
      const logger = new RecordingLogger();

      const store = open(logger);

      expect(warnedLineNumbers(logger, file)).to.deep.equal([2, 4, 5]);
      expect(await store.useRefresh('r1', FAR_EXP)).to.equal(false);
      expect(await store.useRefresh('r2', FAR_EXP)).to.equal(true);
      expect(await store.revokeFamily('fam')).to.deep.equal([member('m1')]);
    });

    it('when a torn file was opened, and a refresh was used after, it stays used on the next open', async () => {
      appendLines(file, [{ op: 'use', jti: 'r1', exp: FAR_EXP }]);
      appendTornLine(file);
      const store = open();
      expect(await store.useRefresh('r2', FAR_EXP)).to.equal(true);
      const logger = new RecordingLogger();

      const reopened = await reopen(store, logger);

      expect(await reopened.useRefresh('r2', FAR_EXP)).to.equal(false);
      expect(warnedLineNumbers(logger, file)).to.deep.equal([2]);
    });

    it('when a 0.1 file holds token text, and it is opened, rewrites it with jtis and expiries only, keeping the state', async () => {
      const access = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJlLWEtMDEyMzQ1Njc4OQ';
      const refresh = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyIn0.c2lnbmF0dXJlLXItMDEyMzQ1Njc4OQ';
      appendLines(file, [
        { op: 'add', family: 'fam', members: [{ token: access, jti: 'a1', iat: 1, exp: FAR_EXP }, { token: refresh, jti: 'r1', iat: 1, exp: FAR_EXP }] },
        { op: 'use', jti: 'r1', exp: FAR_EXP },
        { op: 'add', family: 'dead', members: [{ token: access, jti: 'd1', iat: 1, exp: FAR_EXP }] },
        { op: 'revoke', family: 'dead' },
      ]);
      const logger = new RecordingLogger();

      const store = open(logger);

      const text = readFileSync(file, 'utf8');
      expect(text).to.not.include(access);
      expect(text).to.not.include(refresh);
      expect(text).to.not.include('"token"');
      expect(readJsonLines(file)).to.deep.equal([
        { op: 'add', family: 'fam', members: [member('a1'), member('r1')] },
        { op: 'use', jti: 'r1', exp: FAR_EXP },
        { op: 'add', family: 'dead', members: [member('d1')] },
        { op: 'revoke', family: 'dead' },
      ]);
      expect(logger.lines.some((line) => line.level === 'warn' && line.message.includes('removed token text'))).to.equal(true);
      expect(await store.useRefresh('r1', FAR_EXP)).to.equal(false);
      expect(await store.add('dead', [member('d2')])).to.equal(false);
      expect(await store.revokeFamily('fam')).to.deep.equal([member('a1'), member('r1')]);
    });

    it('when add() is handed members with more than jti and exp, keeps only those two in the file', async () => {
      const store = open();
      const leaky = { ...member('a1'), token: 'eyJ.secret.token' } as unknown as ReturnType<typeof member>;
      await store.add('fam', [leaky]);
      expect(readFileSync(file, 'utf8')).to.not.include('eyJ.secret.token');
      expect(await store.revokeFamily('fam')).to.deep.equal([member('a1')]);
    });

    it('when the path is inside a directory that does not exist, and a store is built, throws', () => {
      expect(() => new JsonlTokenFamilyStore(dir.file('missing/f.jsonl'), new FakeClock(), new RecordingLogger())).to.throw();
    });

    it('when the path is a directory, and a store is built, throws', () => {
      mkdirSync(file);

      expect(() => new JsonlTokenFamilyStore(file, new FakeClock(), new RecordingLogger())).to.throw();
    });
  });

  describe('add(), useRefresh() and revokeFamily()', () => {
    it('when each has resolved, and the file is read, holds one JSON object per line, at least one per change', async () => {
      const store = open();
      await store.add('fam', [member('a1'), member('r1')]);
      await store.useRefresh('r1', FAR_EXP);
      await store.revokeFamily('fam');

      expect(readJsonLines(file)).to.have.length.of.at.least(3);
    });
  });
});
