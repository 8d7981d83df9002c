/**
 * @module test/stores/keyStore.contract
 * The behaviour every rotating KeyStore driver owes (src/stores/KeyStore.ts),
 * on the injected clock: a new key is published before it signs, old and new
 * tokens validate after the switch, and once the retirement window has passed
 * the old key leaves the set and its tokens are refused. No sleeping: the
 * FakeClock moves. Each driver's spec calls `keyStoreContract` with a factory
 * whose store follows `testPolicy()` (lead 600 s, window 3600 s).
 */
import { expect } from 'chai';
import type { KeyStore, RotatingKeyStore } from '../../src/stores/KeyStore.js';
import { signJwt } from '../../src/tokens/signJwt.js';
import { FakeClock } from '../support/FakeClock.js';
import { AUDIENCE, ISSUER, kidOf, tokenFrom, verifyWith } from '../support/keyStores.js';

const LEAD_MS = 600_000;
const WINDOW_MS = 3_600_000;

export interface KeyStoreFixture {
  readonly store: RotatingKeyStore;
  readonly close?: () => Promise<void> | void;
}

/** Builds a fresh store, holding no key yet, on `clock` with `testPolicy()`. */
export type KeyStoreFactory = (clock: FakeClock) => Promise<KeyStoreFixture>;

export interface KeyStoreExpectations {
  /** What `describe().shared` says: whether other processes see the same keys. */
  readonly shared: boolean;
}

const kidsOf = async (store: KeyStore): Promise<string[]> => (await store.verificationKeys()).map((k) => k.kid);
const newKid = async (store: RotatingKeyStore): Promise<string> => (await store.rotate()).key.key.kid;

export function keyStoreContract(driver: string, make: KeyStoreFactory, expected: KeyStoreExpectations): void {
  describe(`KeyStore contract: ${driver}`, () => {
    let clock: FakeClock;
    let fixture: KeyStoreFixture;
    let store: RotatingKeyStore;

    beforeEach(async () => {
      clock = new FakeClock();
      fixture = await make(clock);
      store = fixture.store;
    });

    afterEach(async () => fixture.close?.());

    describe('rotate()', () => {
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

      it('when the retirement window of an earlier key has passed, the next rotate reports it pruned', async () => {
        const first = (await store.signingKey()).kid;
        await store.rotate();
        clock.advance(LEAD_MS + WINDOW_MS);

        const { pruned } = await store.rotate();

        expect(pruned).to.deep.equal([first]);
        expect(await kidsOf(store)).not.to.include(first);
      });
    });

    describe('describe()', () => {
      it(`names where the keys are, and says they are ${expected.shared ? '' : 'not '}shared with other processes`, () => {
        const description = store.describe?.();

        expect(description?.location).to.be.a('string').that.is.not.empty;
        expect(description?.shared).to.equal(expected.shared);
      });
    });
  });
}
