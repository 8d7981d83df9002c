import { mkdirSync } from 'node:fs';
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
