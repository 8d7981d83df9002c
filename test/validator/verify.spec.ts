/**
 * @module test/validator/verify
 * `createValidator().verify()` against the real server (RS256): an access
 * token verified with typed claims through the discovery document; refresh
 * tokens, forged algorithms, other issuers and audiences, tampered and
 * expired tokens refused with a stable `reason`.
 */
import { expect } from 'chai';
import { decodeJwt } from 'jose';
import { createValidator, InvalidTokenError, type AccessClaims, type InvalidTokenReason, type Validator } from '../../src/validator/index.js';
import { walletAccessToken } from '../support/keyProcesses.js';
import { AUTH, fakeClock, ISSUER_AUDIENCE, operatorTokens, startIssuer, type Issuer } from './issuerProcess.js';
import { hmacSigned, tampered, unsecured, withHeader } from './forgeToken.js';

async function refusal(validator: Validator, token: string): Promise<InvalidTokenError> {
  const error: unknown = await validator.verify(token).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).to.be.instanceOf(InvalidTokenError);
  return error as InvalidTokenError;
}

describe('validator verify() (real server, RS256)', function () {
  this.timeout(60_000);
  let issuer: Issuer;
  let access: string;
  let refresh: string;
  const clock = fakeClock();
  let validator: Validator;

  before(async () => {
    issuer = await startIssuer();
    ({ access, refresh } = await operatorTokens(issuer.base));
    validator = createValidator({ issuer: issuer.base, audience: ISSUER_AUDIENCE, now: clock.now });
  });
  after(async () => {
    await validator?.close();
    await issuer?.stop();
  });

  describe('when given an access token of the issuer', () => {
    it('returns its claims, found through the discovery document', async () => {
      const claims: AccessClaims = await validator.verify(access);
      expect(claims).to.deep.equal(decodeJwt(access));
      expect(claims).to.include({ iss: issuer.base, aud: ISSUER_AUDIENCE, role: 'operator' });
      const wallet = await validator.verify(await walletAccessToken(issuer.base));
      expect(wallet.role).to.equal('wallet');
    });
  });

  describe('when given a token it must refuse', () => {
    it('refuses a refresh token, even re-headed as an access token', async () => {
      const plain = await refusal(validator, refresh);
      expect(plain.reason).to.equal('refresh_token');
      expect(plain.message).to.equal('invalid token: refresh tokens are not accepted here');
      expect(plain).to.include({ code: 'ERR_TOKEN_INVALID', status: 401 });
      // The signature breaks, but the point is no path accepts it: it fails before or at the signature.
      expect((await refusal(validator, withHeader(refresh, { typ: 'JWT' }))).reason).to.equal('bad_signature');
    });

    it('refuses alg none, HMAC keyed with the public key, and unknown algorithms before any key is used', async () => {
      const jwks = (await (await fetch(`${issuer.base}${AUTH}/jwks`)).json()) as { keys: unknown[] };
      const cases: [string, InvalidTokenReason][] = [
        [unsecured(access), 'alg_not_allowed'],
        [hmacSigned(access, JSON.stringify(jwks.keys[0])), 'alg_not_allowed'],
        [withHeader(access, { alg: 'PS256' }), 'alg_not_allowed'],
        [withHeader(access, { alg: 'ES256' }), 'alg_not_allowed'],
        [withHeader(access, { typ: 'at+jwt' }), 'typ_invalid'],
        [withHeader(access, { kid: 'no-such-kid' }), 'unknown_kid'],
        [withHeader(access, { crit: ['exp'] }), 'malformed'],
        [tampered(access), 'bad_signature'],
        ['not.a.token', 'malformed'],
        [`${access}.extra`, 'malformed'],
        ['', 'missing'],
      ];
      for (const [token, reason] of cases) expect((await refusal(validator, token)).reason, token).to.equal(reason);
    });

    it('refuses tokens for another audience or from another issuer', async () => {
      const otherAudience = createValidator({ issuer: issuer.base, audience: 'other-api' });
      expect((await refusal(otherAudience, access)).message).to.equal('invalid token: aud claim invalid');
      const otherIssuer = createValidator({
        issuer: 'https://auth.example.com',
        audience: ISSUER_AUDIENCE,
        jwksUrl: `${issuer.base}${AUTH}/jwks`,
      });
      expect((await refusal(otherIssuer, access)).message).to.equal('invalid token: iss claim invalid');
    });
  });

  describe('when the clock passes exp', () => {
    it('refuses the token as expired, unless within the clock tolerance', async () => {
      const { exp } = decodeJwt(access);
      const late = fakeClock();
      late.advance(exp! - Date.now() / 1000 + 5);
      const strict = createValidator({ issuer: issuer.base, audience: ISSUER_AUDIENCE, now: late.now });
      const lenient = createValidator({ issuer: issuer.base, audience: ISSUER_AUDIENCE, now: late.now, clockToleranceSeconds: 30 });
      const expired = await refusal(strict, access);
      expect(expired.reason).to.equal('expired');
      expect(expired.message).to.equal('invalid token: token expired');
      expect((await lenient.verify(access)).jti).to.equal(decodeJwt(access).jti);
    });

    it('refuses a token verified before, once expired: only its signature is remembered', async () => {
      expect((await validator.verify(access)).sub).to.equal(decodeJwt(access).sub);
      clock.advance(decodeJwt(access).exp! - Date.now() / 1000 + 5);
      expect((await refusal(validator, access)).reason).to.equal('expired');
    });
  });
});
