import { mkdirSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import { JsonlRevocationStore } from '../../../src/stores/jsonl/JsonlRevocationStore.js';
import { RecordingLogger } from '../../support/RecordingLogger.js';
import {
  StoreDir, TORN_FRAGMENT, appendLines, appendTornLine, readJsonLines, warnedLineNumbers,
} from '../../support/storeFiles.js';
import { revocation, revocationStoreContract } from '../revocationStore.contract.js';

revocationStoreContract('JsonlRevocationStore', async () => {
  const dir = new StoreDir();
  const store = new JsonlRevocationStore(dir.file('revocations.jsonl'), new RecordingLogger());
  return {
    store,
    close: async () => {
      await store.close();
      dir.remove();
    },
  };
});

describe('JsonlRevocationStore', () => {
  let dir: StoreDir;
  let file: string;
  let opened: JsonlRevocationStore[];
  const open = (logger = new RecordingLogger()): JsonlRevocationStore => {
    const store = new JsonlRevocationStore(file, logger);
    opened.push(store);
    return store;
  };
  const reopen = async (store: JsonlRevocationStore, logger = new RecordingLogger()): Promise<JsonlRevocationStore> => {
    await store.close();
    opened.splice(opened.indexOf(store), 1);
    return open(logger);
  };

  beforeEach(() => {
    dir = new StoreDir();
    file = dir.file('revocations.jsonl');
    opened = [];
  });
  afterEach(async () => {
    await Promise.all(opened.map((store) => store.close()));
    dir.remove();
  });

  describe('constructor', () => {
    it('when a previous instance revoked entries, and a new instance opens the file, sees every entry', async () => {
      const first = open();
      await first.revoke(revocation('a', 100));
      await first.revoke(revocation('b', 101, { exp: 4_000_000_000, reason: null }));

      const second = await reopen(first);

      expect(await second.isRevoked('a')).to.equal(true);
      expect(await second.list()).to.deep.equal([revocation('b', 101, { exp: 4_000_000_000, reason: null }), revocation('a', 100)]);
    });

    it('when a middle line is malformed and the last is torn, and the file is opened, skips them warning file:line', async () => {
      appendLines(file, [revocation('a', 100), 'not json at all', revocation('b', 101), { jti: 5, revoked_at: 'soon' }]);
      appendTornLine(file);
      const logger = new RecordingLogger();

      const store = open(logger);

      expect(await store.list()).to.deep.equal([revocation('b', 101), revocation('a', 100)]);
      expect(warnedLineNumbers(logger, file)).to.deep.equal([2, 4, 5]);
    });

    it('when a torn file was opened, and entries were revoked after, keeps them on the next open', async () => {
      appendLines(file, [revocation('a', 100)]);
      appendTornLine(file);
      const store = open();
      await store.revoke(revocation('c', 102));
      const logger = new RecordingLogger();

      const reopened = await reopen(store, logger);

      expect(await reopened.list()).to.deep.equal([revocation('c', 102), revocation('a', 100)]);
      expect(warnedLineNumbers(logger, file)).to.deep.equal([2]);
      expect(readFileSync(file, 'utf8').split('\n')[1]).to.equal(TORN_FRAGMENT);
    });

    it('when the path is inside a directory that does not exist, and a store is built, throws', () => {
      expect(() => new JsonlRevocationStore(dir.file('missing/revocations.jsonl'), new RecordingLogger())).to.throw();
    });

    it('when the path is a directory, and a store is built, throws', () => {
      mkdirSync(file);

      expect(() => new JsonlRevocationStore(file, new RecordingLogger())).to.throw();
    });
  });

  describe('revoke()', () => {
    it('when it resolves, and the file is read, holds one JSON object per line, one line per new jti', async () => {
      const store = open();
      await store.revoke(revocation('a', 100));
      await store.revoke(revocation('b', 101, { exp: 4_000_000_000 }));
      await store.revoke(revocation('a', 102));

      expect(readJsonLines(file)).to.deep.equal([revocation('a', 100), revocation('b', 101, { exp: 4_000_000_000 })]);
    });

    it('when another instance revoked the jti first, and this one revokes it, returns the first entry', async () => {
      const [one, two] = [open(), open()];
      await one.revoke(revocation('x', 100, { revoked_by: 'one' }));

      const result = await two.revoke(revocation('x', 200, { revoked_by: 'two' }));

      expect(result).to.deep.equal(revocation('x', 100, { revoked_by: 'one' }));
      expect(readJsonLines(file)).to.have.length(1);
    });
  });

  describe('isRevoked() and list() with two instances on one file', () => {
    it('when one instance revokes, and the other reads next, the other sees the entry', async () => {
      const [writer, reader] = [open(), open()];
      expect(await reader.isRevoked('x')).to.equal(false);

      await writer.revoke(revocation('x', 100));

      expect(await reader.isRevoked('x')).to.equal(true);
      expect(await reader.list()).to.deep.equal([revocation('x', 100)]);
    });

    it('when the reader made several reads at once, and the writer then revokes, the reader still sees it', async () => {
      const [writer, reader] = [open(), open()];
      await writer.revoke(revocation('first', 100));
      await Promise.all(Array.from({ length: 10 }, () => reader.isRevoked('first')));

      await writer.revoke(revocation('second', 101));

      expect(await reader.isRevoked('second')).to.equal(true);
      expect((await reader.list()).map((entry) => entry.jti)).to.deep.equal(['second', 'first']);
    });

    it('when the writer is mid-line, and the reader reads, ignores the partial line until it is complete', async () => {
      const reader = open();
      const line = `${JSON.stringify(revocation('slow', 100))}\n`;
      appendTornLine(file, line.slice(0, 10));

      expect(await reader.isRevoked('slow')).to.equal(false);
      appendTornLine(file, line.slice(10));
      expect(await reader.isRevoked('slow')).to.equal(true);
    });
  });
});
