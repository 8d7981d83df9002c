/**
 * @module test/stores/jsonl/jsonlMintAuditStore
 * JsonlMintAuditStore: the MintAuditStore contract, the JSON Lines
 * durability cases, and what a shared file adds: mints survive a restart, the
 * newest `maxEntries` are kept, and instances on one file see each other's.
 */
import { expect } from 'chai';
import { JsonlMintAuditStore } from '../../../src/stores/jsonl/JsonlMintAuditStore.js';
import type { MintRecord } from '../../../src/stores/MintAuditStore.js';
import { RecordingLogger } from '../../support/RecordingLogger.js';
import { StoreDir, appendLines, readJsonLines } from '../../support/storeFiles.js';
import { NOW, mintAuditStoreContract, mintRecord } from '../mintAuditStore.contract.js';
import { jsonlDurabilitySuite, jsonlFixture } from './jsonlFixture.js';

const FILE = 'mints.jsonl';
const jtis = (records: readonly MintRecord[]): string[] => records.map((record) => record.jti);

mintAuditStoreContract('JsonlMintAuditStore', async (maxEntries) => {
  const dir = new StoreDir();
  const store = new JsonlMintAuditStore(dir.file(FILE), maxEntries, new RecordingLogger());
  return {
    store,
    close: async () => {
      await store.close();
      dir.remove();
    },
  };
});

jsonlDurabilitySuite('JsonlMintAuditStore', {
  fileName: FILE,
  build: (file, logger) => new JsonlMintAuditStore(file, 100, logger),
  damaged: {
    lines: [mintRecord('a'), '{"jti": "b", oops}', mintRecord('c'), { ...mintRecord('d'), kind: 'magic' }],
    check: async (store) => {
      expect(jtis(await store.listLive(NOW, 10))).to.deep.equal(['c', 'a']);
    },
  },
  afterTorn: {
    line: mintRecord('a'),
    write: (store) => store.record(mintRecord('b')),
    check: async (reopened) => {
      expect(jtis(await reopened.listLive(NOW, 10))).to.deep.equal(['b', 'a']);
    },
    keepsFragment: true,
  },
});

describe('JsonlMintAuditStore', () => {
  // `maxEntries` is the one setting these specs vary: `open(max)` sets it for the store it builds.
  let maxEntries = 100;
  const fixture = jsonlFixture(FILE, (file, logger) => new JsonlMintAuditStore(file, maxEntries, logger));
  const open = (max = 100, logger = new RecordingLogger()): JsonlMintAuditStore => {
    maxEntries = max;
    return fixture.open(logger);
  };

  describe('constructor', () => {
    it('when a previous instance recorded mints, and a new instance opens the file, lists every one', async () => {
      const first = open();
      await first.record(mintRecord('a', NOW - 20));
      await first.record(mintRecord('b', NOW - 10, NOW + 60, { kind: 'refresh', scope: null, agent_id: null, session_id: null }));

      const second = await fixture.reopen(first);

      expect(await second.listLive(NOW, 10)).to.deep.equal([
        mintRecord('b', NOW - 10, NOW + 60, { kind: 'refresh', scope: null, agent_id: null, session_id: null }),
        mintRecord('a', NOW - 20),
      ]);
    });

    it('when the file holds more records than maxEntries, and it is opened, keeps the newest maxEntries', async () => {
      appendLines(fixture.file, ['a', 'b', 'c', 'd', 'e'].map((jti) => mintRecord(jti)));

      const store = open(2);

      expect(jtis(await store.listLive(NOW, 100))).to.deep.equal(['e', 'd']);
    });
  });

  describe('record()', () => {
    it('when it resolves, and the file is read, holds each record as one JSON object per line', async () => {
      const store = open();
      const records = [mintRecord('a'), mintRecord('b', NOW, NOW + 1, { kind: 'access', scope: null })];

      for (const record of records) await store.record(record);

      expect(readJsonLines(fixture.file)).to.deep.equal(records);
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
