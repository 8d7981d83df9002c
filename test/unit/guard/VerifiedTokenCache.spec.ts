import { expect } from 'chai';
import { VerifiedTokenCache } from '../../../src/guard/VerifiedTokenCache.js';
import type { VerifiedClaims } from '../../../src/tokens/verifyJwt.js';
import { FakeClock } from '../../support/FakeClock.js';

const claims = (expSeconds: number, jti = 'j'): VerifiedClaims => ({ sub: 's', jti, iat: 0, exp: expSeconds, role: 'r' });

describe('VerifiedTokenCache', () => {
  describe('get()', () => {
    it('when a token was set, returns its claims for the very same token string only', () => {
      const clock = new FakeClock(1_000_000);
      const cache = new VerifiedTokenCache(clock);
      cache.set('a.b.c', claims(2_000));
      expect(cache.get('a.b.c')?.jti).to.equal('j');
      expect(cache.get('a.b.c ')).to.equal(undefined);
      expect(cache.get('a.b.d')).to.equal(undefined);
    });

    it('when the token has expired, misses even within maxAge', () => {
      const clock = new FakeClock(1_000_000);
      const cache = new VerifiedTokenCache(clock, 10, 60_000);
      cache.set('t', claims(1_010)); // exp 10 s from now
      clock.advance(9_999);
      expect(cache.get('t')).not.to.equal(undefined);
      clock.advance(1);
      expect(cache.get('t')).to.equal(undefined);
    });

    it('when maxAge has passed, misses even though the token still lives', () => {
      const clock = new FakeClock(1_000_000);
      const cache = new VerifiedTokenCache(clock, 10, 5_000);
      cache.set('t', claims(9_999));
      clock.advance(5_000);
      expect(cache.get('t')).to.equal(undefined);
    });
  });

  describe('set()', () => {
    it('when full, drops the oldest entry', () => {
      const clock = new FakeClock(1_000_000);
      const cache = new VerifiedTokenCache(clock, 2);
      cache.set('one', claims(9_999, '1'));
      cache.set('two', claims(9_999, '2'));
      cache.set('three', claims(9_999, '3'));
      expect(cache.get('one')).to.equal(undefined);
      expect(cache.get('two')?.jti).to.equal('2');
      expect(cache.get('three')?.jti).to.equal('3');
    });

    it('when the token is already expired, stores nothing', () => {
      const clock = new FakeClock(1_000_000);
      const cache = new VerifiedTokenCache(clock);
      cache.set('t', claims(999));
      clock.advance(-10_000);
      expect(cache.get('t')).to.equal(undefined);
    });
  });
});
