/**
 * @module test/unit/keys/rotation
 * Rotation on the injected clock, for both drivers: a new key is published
 * before it signs, old and new tokens validate after the switch, and once the
 * retirement window has passed the old key leaves the set and its tokens are
 * refused. No sleeping: the FakeClock moves.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { KeyStore, RotatingKeyStore } from '../../../src/stores/KeyStore.js';
import { MemoryKeyStore } from '../../../src/stores/memory/MemoryKeyStore.js';
import { signJwt } from '../../../src/tokens/signJwt.js';
import { FakeClock } from '../../support/FakeClock.js';
import {
  AUDIENCE, fileStore, ISSUER, kidOf, removeKeyDirectory, tempKeyDirectory, testPolicy, tokenFrom, verifyWith,
} from '../../support/keyStores.js';

const LEAD_MS = 600_000;
const WINDOW_MS = 3_600_000;

interface Driver {
  readonly name: string;
  create(clock: FakeClock): { store: RotatingKeyStore; cleanup(): void };
}

const drivers: readonly Driver[] = [
  {
    name: 'FileKeyStore',
    create: (clock) => {
      const dir = tempKeyDirectory();
      return { store: fileStore(dir, clock), cleanup: () => removeKeyDirectory(dir) };
    },
  },
  {
    name: 'MemoryKeyStore',
    create: (clock) => ({ store: new MemoryKeyStore({ policy: testPolicy(), clock }), cleanup: () => undefined }),
  },
];

const kidsOf = async (store: KeyStore): Promise<string[]> => (await store.verificationKeys()).map((k) => k.kid);
const newKid = async (store: RotatingKeyStore): Promise<string> => (await store.rotate()).key.key.kid;

for (const driver of drivers) {
  describe(`${driver.name} rotation`, () => {
    let clock: FakeClock;
    let store: RotatingKeyStore;
    let cleanup: () => void;

    beforeEach(() => {
      clock = new FakeClock();
      ({ store, cleanup } = driver.create(clock));
    });

    afterEach(() => cleanup());

    it('when rotated, publishes the new key at once but keeps signing with the old one until the lead time passes', async () => {
      const oldKid = (await store.signingKey()).kid;

      const rotated = await newKid(store);

      expect(await kidsOf(store)).to.deep.equal([oldKid, rotated]);
      expect(kidOf(await tokenFrom(store, clock))).to.equal(oldKid);
      clock.advance(LEAD_MS - 1000);
      expect(kidOf(await tokenFrom(store, clock))).to.equal(oldKid);
      clock.advance(1000);
      expect(kidOf(await tokenFrom(store, clock))).to.equal(rotated);
    });

    it('when the new key signs, tokens of both keys validate', async () => {
      const oldToken = await tokenFrom(store, clock, 'before');
      await store.rotate();
      clock.advance(LEAD_MS);
      const newToken = await tokenFrom(store, clock, 'after');

      expect(kidOf(newToken)).not.to.equal(kidOf(oldToken));
      expect((await verifyWith(store, clock, oldToken)).sub).to.equal('before');
      expect((await verifyWith(store, clock, newToken)).sub).to.equal('after');
    });

    it('when the retirement window has passed, drops the old key and refuses its tokens as unknown kid', async () => {
      const oldKey = await store.signingKey();
      const iat = Math.floor(clock.now() / 1000);
      // A token outliving the window (only a misconfiguration could mint one): refused because its key is gone.
      const lingering = await signJwt(
        { sub: 'x', role: 'wallet', iss: ISSUER, aud: AUDIENCE, iat, exp: iat + 86_400, jti: 'lingering' },
        oldKey,
      );
      const rotated = await newKid(store);
      clock.advance(LEAD_MS + WINDOW_MS - 1000);
      expect((await verifyWith(store, clock, lingering)).jti).to.equal('lingering');

      clock.advance(1000);

      expect(await kidsOf(store)).to.deep.equal([rotated]);
      let reason = '';
      await verifyWith(store, clock, lingering).catch((error: Error) => (reason = error.message));
      expect(reason).to.equal('unknown kid');
    });
  });
}

describe('FileKeyStore.rotate()', () => {
  it('when an earlier key has passed its retirement window, deletes its file and reports it', async () => {
    const clock = new FakeClock();
    const dir = tempKeyDirectory();
    const store = fileStore(dir, clock);
    const first = (await store.signingKey()).kid;
    await store.rotate();
    clock.advance(LEAD_MS + WINDOW_MS);

    const { pruned } = await store.rotate();

    expect(pruned).to.deep.equal([first]);
    expect(existsSync(join(dir, `${first}.json`))).to.equal(false);
    removeKeyDirectory(dir);
  });
});
