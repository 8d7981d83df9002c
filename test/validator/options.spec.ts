/**
 * @module test/validator/options
 * Pure parts of the validator, no server: option checks are programmer
 * errors thrown at creation, `Cache-Control` lifetimes, and a JWKS that
 * cannot be fetched at all (503 `jwks_unavailable`, reported to `onError`).
 */
import { expect } from 'chai';
import { createValidator, ValidatorUnavailableError } from '../../src/validator/index.js';
import { cacheLifetimeSeconds } from '../../src/validator/cacheLifetime.js';

const BASE = { issuer: 'https://auth.example.com', audience: 'my-api' } as const;
// A syntactically valid RS256 access-token header with a kid; the payload is never reached.
const TOKEN = `${Buffer.from('{"alg":"RS256","kid":"k1","typ":"JWT"}').toString('base64url')}.e30.AAAA`;

describe('validator options and offline behaviour', () => {
  describe('createValidator()', () => {
    it('when options are wrong, throws TypeError or RangeError naming the option', () => {
      const cases: [Record<string, unknown>, ErrorConstructor, RegExp][] = [
        [{ audience: 'a' }, TypeError, /^issuer/],
        [{ issuer: 'x', audience: '' }, TypeError, /^audience/],
        [{ ...BASE, jwksUrl: 'not a url' }, TypeError, /^jwksUrl/],
        [{ ...BASE, clockToleranceSeconds: -1 }, RangeError, /^clockToleranceSeconds/],
        [{ ...BASE, mlDsa65Engine: 'fast' }, TypeError, /^mlDsa65Engine/],
        [{ ...BASE, revocation: { serviceToken: '' } }, TypeError, /^revocation\.serviceToken/],
        [{ ...BASE, revocation: { serviceToken: 't', pollIntervalSeconds: 0 } }, RangeError, /^revocation\.pollIntervalSeconds/],
        [{ ...BASE, revocation: { serviceToken: 't', pollIntervalSeconds: 30, maxStalenessSeconds: 10 } }, RangeError, /maxStalenessSeconds/],
        [{ ...BASE, revocation: { serviceToken: 't', onUnreachable: 'ignore' } }, TypeError, /onUnreachable/],
      ];
      for (const [options, type, message] of cases) {
        expect(() => createValidator(options as never), JSON.stringify(options)).to.throw(type, message);
      }
    });
  });

  describe('cacheLifetimeSeconds()', () => {
    it('when given Cache-Control values, reads max-age and treats no-cache/no-store/absent as 0', () => {
      expect(cacheLifetimeSeconds('public, max-age=300')).to.equal(300);
      expect(cacheLifetimeSeconds('Max-Age="60"')).to.equal(60);
      expect(cacheLifetimeSeconds('no-cache')).to.equal(0);
      expect(cacheLifetimeSeconds('max-age=300, no-store')).to.equal(0);
      expect(cacheLifetimeSeconds(null)).to.equal(0);
      expect(cacheLifetimeSeconds('max-age=-1')).to.equal(0);
    });
  });

  describe('verify()', () => {
    it('when the JWKS cannot be fetched and no copy is held, refuses with 503 and reports the cause', async () => {
      const reported: unknown[] = [];
      const validator = createValidator({
        ...BASE,
        jwksUrl: 'https://auth.example.com/jwks',
        fetch: () => Promise.reject(new Error('connection refused')),
        onError: (error) => reported.push(error),
      });
      const error = await validator.verify(TOKEN).catch((caught: unknown) => caught);
      expect(error).to.be.instanceOf(ValidatorUnavailableError).and.to.include({ reason: 'jwks_unavailable', status: 503 });
      expect(reported).to.have.length(1);
      expect((reported[0] as Error).message).to.equal('connection refused');
    });
  });
});
