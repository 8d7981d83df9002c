/**
 * @module test/validator/jwksCache
 * The validator's copy of the issuer's JWKS against the real server: a flood
 * of tokens with made-up kids costs at most one JWKS request per cooldown,
 * an expired copy is revalidated with `If-None-Match` (304), and a key the
 * CLI rotates in is picked up without restarting anything.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import { decodeProtectedHeader } from 'jose';
import { createValidator, InvalidTokenError } from '../../src/validator/index.js';
import { runCli, walletAccessToken } from '../support/keyProcesses.js';
import { AUTH, countingFetch, fakeClock, ISSUER_AUDIENCE, startIssuer, type Issuer } from './issuerProcess.js';
import { withHeader } from './forgeToken.js';

const JWKS_PATH = `${AUTH}/jwks`;

describe('validator JWKS cache (real server)', function () {
  this.timeout(60_000);
  let issuer: Issuer;

  /** JWKS always stale (max-age 0) and keys picked up within a second, so rotation shows in the test. */
  before(async () => {
    issuer = await startIssuer({ jwks_max_age_seconds: 0, key_refresh_seconds: 1, key_publish_lead_seconds: 1 });
  });
  after(async () => issuer?.stop());

  describe('when flooded with tokens whose kid the issuer never published', () => {
    it('refetches the JWKS at most once per cooldown, however many arrive at once', async () => {
      const counting = countingFetch();
      const clock = fakeClock();
      const validator = createValidator({
        issuer: issuer.base, audience: ISSUER_AUDIENCE, fetch: counting.fetch, now: clock.now, signatureCacheSize: 0,
      });
      const token = await walletAccessToken(issuer.base);
      await validator.verify(token);
      expect(counting.count(JWKS_PATH)).to.equal(1);
      const flood = (): Promise<unknown[]> =>
        Promise.all(
          Array.from({ length: 200 }, () =>
            validator.verify(withHeader(token, { kid: randomBytes(32).toString('base64url') })).catch((error: unknown) => error),
          ),
        );

      const first = await flood();
      expect(first.every((error) => error instanceof InvalidTokenError && error.reason === 'unknown_kid')).to.equal(true);
      expect(counting.count(JWKS_PATH), 'within the cooldown of the first fetch').to.equal(1);

      clock.advance(31);
      await flood();
      await flood();
      expect(counting.count(JWKS_PATH), 'one more after the cooldown').to.equal(2);
      // The refetch was conditional and the JWKS had not changed.
      const refetch = counting.log.filter((record) => record.path === JWKS_PATH)[1]!;
      expect(refetch.ifNoneMatch).to.match(/^"[A-Za-z0-9_-]+"$/);
      expect(refetch.status).to.equal(304);
      // A valid token still verifies on the revalidated copy.
      expect((await validator.verify(token)).role).to.equal('wallet');
    });
  });

  describe('when the CLI rotates the signing key', () => {
    it('verifies tokens under the new kid once its cooldown allows a refetch', async () => {
      const clock = fakeClock();
      const validator = createValidator({ issuer: issuer.base, audience: ISSUER_AUDIENCE, now: clock.now });
      const before = await walletAccessToken(issuer.base);
      await validator.verify(before);

      const rotated = await runCli(['keys', 'rotate', '--config', issuer.config]);
      expect(rotated.code, rotated.stderr).to.equal(0);
      const newKid = /published key ([A-Za-z0-9_-]{43})/.exec(rotated.stdout)?.[1];
      expect(newKid, rotated.stdout).to.be.a('string');
      // Published 1 s ahead, re-listed every 1 s: the server signs with it within a few seconds.
      let after = await walletAccessToken(issuer.base);
      const deadline = Date.now() + 15_000;
      while (decodeProtectedHeader(after).kid !== newKid && Date.now() < deadline) {
        await sleep(250);
        after = await walletAccessToken(issuer.base);
      }
      expect(decodeProtectedHeader(after).kid).to.equal(newKid);

      // Within the cooldown of its last fetch the validator does not ask again, so the new kid is unknown...
      const early = await validator.verify(after).catch((error: unknown) => error);
      expect(early).to.be.instanceOf(InvalidTokenError).and.to.include({ reason: 'unknown_kid' });
      // ...and once the cooldown has passed, the unknown kid triggers the refetch that finds it.
      clock.advance(31);
      expect((await validator.verify(after)).role).to.equal('wallet');
      // The old key stays published while its tokens live.
      expect((await validator.verify(before)).role).to.equal('wallet');
    });
  });
});
