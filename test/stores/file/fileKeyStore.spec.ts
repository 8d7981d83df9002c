/**
 * @module test/stores/file/fileKeyStore
 * FileKeyStore: the KeyStore contract, plus what a directory adds: keys
 * survive a restart (a second store on the same directory), files are
 * private, two stores starting at once agree on one key, a key another
 * process adds is picked up on the next refresh, damaged files are skipped
 * with a warning, and a pruned key's file is deleted.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { FakeClock } from '../../support/FakeClock.js';
import { fileStore, kidOf, removeKeyDirectory, tempKeyDirectory, tokenFrom, verifyWith } from '../../support/keyStores.js';
import { RecordingLogger } from '../../support/RecordingLogger.js';
import { keyStoreContract } from '../keyStore.contract.js';

keyStoreContract('FileKeyStore', async (clock) => {
  const dir = tempKeyDirectory();
  return { store: fileStore(dir, clock), close: () => removeKeyDirectory(dir) };
}, { shared: true });

const keyFiles = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.json'));

describe('FileKeyStore', () => {
  let dir: string;
  let clock: FakeClock;

  beforeEach(() => {
    dir = tempKeyDirectory();
    clock = new FakeClock();
  });

  afterEach(() => removeKeyDirectory(dir));

  describe('signingKey()', () => {
    it('when the directory does not exist, creates it (0700) with one key file (0600) named by kid', async () => {
      const key = await fileStore(dir, clock).signingKey();

      expect(statSync(dir).mode & 0o777).to.equal(0o700);
      expect(keyFiles(dir)).to.deep.equal([`${key.kid}.json`]);
      expect(statSync(join(dir, `${key.kid}.json`)).mode & 0o777).to.equal(0o600);
      expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).to.deep.equal([]);
    });

    it('when a second store opens the directory (a restart), signs with the same key and validates earlier tokens', async () => {
      const before = fileStore(dir, clock);
      const token = await tokenFrom(before, clock);

      const after = fileStore(dir, clock);

      expect((await after.signingKey()).kid).to.equal(kidOf(token));
      expect((await verifyWith(after, clock, token)).sub).to.equal('someone');
      expect(keyFiles(dir)).to.have.length(1);
    });

    it('when two stores start at once on an empty directory, both end up with one shared key', async () => {
      const [a, b] = [fileStore(dir, clock), fileStore(dir, clock)];
      const [ka, kb] = await Promise.all([a.signingKey(), b.signingKey()]);

      expect(ka.kid).to.equal(kb.kid);
      expect(keyFiles(dir)).to.have.length(1);
    });

    it('when the configured algorithm differs from the newest key, publishes a key of the new one ahead of signing', async () => {
      const rsa = fileStore(dir, clock);
      const oldToken = await tokenFrom(rsa, clock);

      const ec = fileStore(dir, clock, { algorithm: 'ES256' });

      expect((await ec.signingKey()).alg).to.equal('RS256');
      expect((await ec.verificationKeys()).map((k) => k.alg)).to.deep.equal(['RS256', 'ES256']);
      clock.advance(600_000);
      expect((await ec.signingKey()).alg).to.equal('ES256');
      expect((await verifyWith(ec, clock, oldToken)).sub).to.equal('someone');
    });
  });

  describe('refresh', () => {
    it('when another process rotates, picks the new key up at the next refresh interval, not before', async () => {
      const server = fileStore(dir, clock);
      await server.signingKey();
      const cli = fileStore(dir, clock);

      const { key } = await cli.rotate();

      expect((await server.verificationKeys()).map((k) => k.kid)).not.to.include(key.key.kid);
      clock.advance(10_000);
      expect((await server.verificationKeys()).map((k) => k.kid)).to.include(key.key.kid);
    });

    it('when refresh() is called, re-lists at once', async () => {
      const server = fileStore(dir, clock);
      await server.signingKey();
      const { key } = await fileStore(dir, clock).rotate();

      await server.refresh();

      expect((await server.verificationKeys()).map((k) => k.kid)).to.include(key.key.kid);
    });
  });

  describe('refresh when the files are gone', () => {
    it('when every key file was deleted, keeps signing with the keys it had and logs an error', async () => {
      const logger = new RecordingLogger();
      const server = fileStore(dir, clock, {}, logger);
      const kid = (await server.signingKey()).kid;
      rmSync(join(dir, `${kid}.json`));

      clock.advance(10_000);

      expect((await server.signingKey()).kid).to.equal(kid);
      expect(logger.lines.some((line) => line.level === 'error' && line.message.includes('no usable key file'))).to.equal(true);
    });
  });

  describe('damaged files', () => {
    it('when a key file is malformed or names another kid, skips it with a warning and keeps the good key', async () => {
      const good = await fileStore(dir, clock).signingKey();
      const goodText = readFileSync(join(dir, `${good.kid}.json`), 'utf8');
      const fakeKid = 'A'.repeat(43);
      writeFileSync(join(dir, `${fakeKid}.json`), goodText, { mode: 0o600 });
      writeFileSync(join(dir, `${'B'.repeat(43)}.json`), '{"format": "torn', { mode: 0o600 });
      const logger = new RecordingLogger();

      const keys = await fileStore(dir, clock, {}, logger).verificationKeys();

      expect(keys.map((k) => k.kid)).to.deep.equal([good.kid]);
      const warnings = logger.lines.filter((line) => line.level === 'warn').map((line) => line.message);
      expect(warnings.some((w) => w.includes(fakeKid) && w.includes('not the one it is named for'))).to.equal(true);
      expect(warnings.some((w) => w.includes('B'.repeat(43)))).to.equal(true);
    });

    it('when a key file is readable by other users, warns', async () => {
      const key = await fileStore(dir, clock).signingKey();
      chmodSync(join(dir, `${key.kid}.json`), 0o644);
      const logger = new RecordingLogger();

      await fileStore(dir, clock, {}, logger).signingKey();

      expect(logger.lines.some((line) => line.level === 'warn' && line.message.includes('chmod 600'))).to.equal(true);
    });

    it('when the directory cannot be created, rejects (a startup error, not a fall-back to memory)', async () => {
      const file = join(dir, '..', 'not-a-directory');
      writeFileSync(file, '');
      let error: unknown;
      await fileStore(join(file, 'keys'), clock).signingKey().catch((caught: unknown) => (error = caught));
      expect(error).to.be.instanceOf(Error);
    });
  });

  describe('rotate()', () => {
    it('when an earlier key has passed its retirement window, deletes its file and reports it', async () => {
      const store = fileStore(dir, clock);
      const first = (await store.signingKey()).kid;
      await store.rotate();
      clock.advance(600_000 + 3_600_000); // the lead time, then the retirement window of testPolicy()

      const { pruned } = await store.rotate();

      expect(pruned).to.deep.equal([first]);
      expect(existsSync(join(dir, `${first}.json`))).to.equal(false);
    });
  });

  describe('describe()', () => {
    it('names the key directory', () => {
      expect(fileStore(dir, clock).describe()).to.deep.equal({ location: dir, shared: true });
    });
  });
});
