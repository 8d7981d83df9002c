/**
 * @module test/stores/jsonl/jsonlRevocationStore
 * JsonlRevocationStore: the RevocationStore contract, the JSON Lines
 * durability cases, and what a shared file adds: entries survive a restart,
 * one line per new jti, and instances on one file see each other's revokes.
 */
import { expect } from 'chai';
import { JsonlRevocationStore } from '../../../src/stores/jsonl/JsonlRevocationStore.js';
import { appendTornLine, readJsonLines } from '../../support/storeFiles.js';
import { revocation, revocationStoreContract } from '../revocationStore.contract.js';
import { jsonlContractStore, jsonlDurabilitySuite, jsonlFixture, type JsonlBuild } from './jsonlFixture.js';

const FILE = 'revocations.jsonl';
const build: JsonlBuild<JsonlRevocationStore> = (file, logger) => new JsonlRevocationStore(file, logger);

revocationStoreContract('JsonlRevocationStore', jsonlContractStore(FILE, build));

jsonlDurabilitySuite('JsonlRevocationStore', {
  fileName: FILE,
  build,
  damaged: {
    lines: [revocation('a', 100), 'not json at all', revocation('b', 101), { jti: 5, revoked_at: 'soon' }],
    check: async (store) => {
      expect(await store.list()).to.deep.equal([revocation('b', 101), revocation('a', 100)]);
    },
  },
  afterTorn: {
    line: revocation('a', 100),
    write: async (store) => void (await store.revoke(revocation('c', 102))),
    check: async (reopened) => {
      expect(await reopened.list()).to.deep.equal([revocation('c', 102), revocation('a', 100)]);
    },
    keepsFragment: true,
  },
});

describe('JsonlRevocationStore', () => {
  const fixture = jsonlFixture(FILE, build);
  const { open, reopen } = fixture;

  describe('constructor', () => {
    it('when a previous instance revoked entries, and a new instance opens the file, sees every entry', async () => {
      const first = open();
      await first.revoke(revocation('a', 100));
      await first.revoke(revocation('b', 101, { exp: 4_000_000_000, reason: null }));

      const second = await reopen(first);

      expect(await second.isRevoked('a')).to.equal(true);
      expect(await second.list()).to.deep.equal([revocation('b', 101, { exp: 4_000_000_000, reason: null }), revocation('a', 100)]);
    });
  });

  describe('revoke()', () => {
    it('when it resolves, and the file is read, holds one JSON object per line, one line per new jti', async () => {
      const store = open();
      await store.revoke(revocation('a', 100));
      await store.revoke(revocation('b', 101, { exp: 4_000_000_000 }));
      await store.revoke(revocation('a', 102));

      expect(readJsonLines(fixture.file)).to.deep.equal([revocation('a', 100), revocation('b', 101, { exp: 4_000_000_000 })]);
    });

    it('when another instance revoked the jti first, and this one revokes it, returns the first entry', async () => {
      const [one, two] = [open(), open()];
      await one.revoke(revocation('x', 100, { revoked_by: 'one' }));

      const result = await two.revoke(revocation('x', 200, { revoked_by: 'two' }));

      expect(result).to.deep.equal(revocation('x', 100, { revoked_by: 'one' }));
      expect(readJsonLines(fixture.file)).to.have.length(1);
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
      appendTornLine(fixture.file, line.slice(0, 10));

      expect(await reader.isRevoked('slow')).to.equal(false);
      appendTornLine(fixture.file, line.slice(10));
      expect(await reader.isRevoked('slow')).to.equal(true);
    });
  });
});
