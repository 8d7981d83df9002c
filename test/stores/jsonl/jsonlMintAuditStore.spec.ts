import { mkdirSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import { JsonlMintAuditStore } from '../../../src/stores/jsonl/JsonlMintAuditStore.js';
import type { MintRecord } from '../../../src/stores/MintAuditStore.js';
import { RecordingLogger } from '../../support/RecordingLogger.js';
import {
  StoreDir, TORN_FRAGMENT, appendLines, appendTornLine, readJsonLines, warnedLineNumbers,
} from '../../support/storeFiles.js';
import { NOW, mintAuditStoreContract, mintRecord } from '../mintAuditStore.contract.js';

mintAuditStoreContract('JsonlMintAuditStore', async (maxEntries) => {
  const dir = new StoreDir();
  const store = new JsonlMintAuditStore(dir.file('mints.jsonl'), maxEntries, new RecordingLogger());
  return {
    store,
    close: async () => {
      await store.close();
      dir.remove();
    },
  };
});

const jtis = (records: readonly MintRecord[]): string[] => records.map((record) => record.jti);

describe('JsonlMintAuditStore', () => {
  let dir: StoreDir;
  let file: string;
  let opened: JsonlMintAuditStore[];
  const open = (maxEntries = 100, logger = new RecordingLogger()): JsonlMintAuditStore => {
    const store = new JsonlMintAuditStore(file, maxEntries, logger);
    opened.push(store);
    return store;
  };
  const reopen = async (store: JsonlMintAuditStore, maxEntries = 100, logger = new RecordingLogger()): Promise<JsonlMintAuditStore> => {
    await store.close();
    opened.splice(opened.indexOf(store), 1);
    return open(maxEntries, logger);
  };

  beforeEach(() => {
    dir = new StoreDir();
    file = dir.file('mints.jsonl');
    opened = [];
  });
  afterEach(async () => {
    await Promise.all(opened.map((store) => store.close()));
    dir.remove();
  });

  describe('constructor', () => {
    it('when a previous instance recorded mints, and a new instance opens the file, lists every one', async () => {
      const first = open();
      await first.record(mintRecord('a', NOW - 20));
      await first.record(mintRecord('b', NOW - 10, NOW + 60, { kind: 'refresh', scope: null, agent_id: null, session_id: null }));

      const second = await reopen(first);

      expect(await second.listLive(NOW, 10)).to.deep.equal([
        mintRecord('b', NOW - 10, NOW + 60, { kind: 'refresh', scope: null, agent_id: null, session_id: null }),
        mintRecord('a', NOW - 20),
      ]);
    });

    it('when the file holds more records than maxEntries, and it is opened, keeps the newest maxEntries', async () => {
      appendLines(file, ['a', 'b', 'c', 'd', 'e'].map((jti) => mintRecord(jti)));

      const store = open(2);

      expect(jtis(await store.listLive(NOW, 100))).to.deep.equal(['e', 'd']);
    });

    it('when a middle line is malformed and the last is torn, and the file is opened, skips them warning file:line', async () => {
      appendLines(file, [mintRecord('a'), '{"jti": "b", oops}', mintRecord('c'), { ...mintRecord('d'), kind: 'magic' }]);
      appendTornLine(file);
      const logger = new RecordingLogger();

      const store = open(100, logger);

      expect(jtis(await store.listLive(NOW, 10))).to.deep.equal(['c', 'a']);
      expect(warnedLineNumbers(logger, file)).to.deep.equal([2, 4, 5]);
    });

    it('when a torn file was opened, and mints were recorded after, keeps them on the next open', async () => {
      appendLines(file, [mintRecord('a')]);
      appendTornLine(file);
      const store = open();
      await store.record(mintRecord('b'));
      const logger = new RecordingLogger();

      const reopened = await reopen(store, 100, logger);

      expect(jtis(await reopened.listLive(NOW, 10))).to.deep.equal(['b', 'a']);
      expect(warnedLineNumbers(logger, file)).to.deep.equal([2]);
      expect(readFileSync(file, 'utf8').split('\n')[1]).to.equal(TORN_FRAGMENT);
    });

    it('when the path is inside a directory that does not exist, and a store is built, throws', () => {
      expect(() => new JsonlMintAuditStore(dir.file('missing/mints.jsonl'), 10, new RecordingLogger())).to.throw();
    });

    it('when the path is a directory, and a store is built, throws', () => {
      mkdirSync(file);

      expect(() => new JsonlMintAuditStore(file, 10, new RecordingLogger())).to.throw();
    });
  });

  describe('record()', () => {
    it('when it resolves, and the file is read, holds each record as one JSON object per line', async () => {
      const store = open();
      const records = [mintRecord('a'), mintRecord('b', NOW, NOW + 1, { kind: 'access', scope: null })];

      for (const record of records) await store.record(record);

      expect(readJsonLines(file)).to.deep.equal(records);
    });
  });

  describe('listLive() with two instances on one file', () => {
    it('when one instance records, and the other lists next, the other sees the mint in order', async () => {
      const [writer, reader] = [open(), open()];
      await reader.record(mintRecord('from-reader'));
      expect(jtis(await reader.listLive(NOW, 10))).to.deep.equal(['from-reader']);

      await writer.record(mintRecord('from-writer'));

      expect(jtis(await reader.listLive(NOW, 10))).to.deep.equal(['from-writer', 'from-reader']);
    });
  });
});
