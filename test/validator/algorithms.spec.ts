/**
 * @module test/validator/algorithms
 * A real server signing with each algorithm but RS256 (verify.spec covers
 * that one): the validator verifies its tokens, ML-DSA-65 included on
 * Node 20 where jose cannot, with both ML-DSA engines; a refresh token, a
 * tampered signature and a header naming another algorithm for the key are
 * refused.
 */
import { expect } from 'chai';
import { decodeProtectedHeader } from 'jose';
import { createValidator, InvalidTokenError, type Validator } from '../../src/validator/index.js';
import { walletAccessToken } from '../support/keyProcesses.js';
import { AUTH, ISSUER_AUDIENCE, operatorTokens, startIssuer, type Issuer } from './issuerProcess.js';
import { tampered, withHeader } from './forgeToken.js';

const reasonOf = (validator: Validator, token: string): Promise<string> =>
  validator.verify(token).then(
    () => 'accepted',
    (error: unknown) => (error instanceof InvalidTokenError ? error.reason : String(error)),
  );

for (const [algorithm, other] of [['ES256', 'RS256'], ['EdDSA', 'ES256'], ['ML-DSA-65', 'EdDSA']] as const) {
  describe(`validator, issuer signing with ${algorithm} (real server)`, function () {
    this.timeout(60_000);
    let issuer: Issuer;

    before(async () => {
      issuer = await startIssuer({ algorithm });
    });
    after(async () => issuer?.stop());

    it(`when given an access token signed with ${algorithm}, verifies it; a refresh token and forgeries are refused`, async () => {
      const token = await walletAccessToken(issuer.base);
      expect(decodeProtectedHeader(token).alg).to.equal(algorithm);
      const { refresh } = await operatorTokens(issuer.base);
      const jwksUrl = `${issuer.base}${AUTH}/jwks`;
      // For ML-DSA-65 `auto` runs liboqs here (a devDependency) and `noble` the reference: both must agree.
      const subjects = [
        createValidator({ issuer: issuer.base, audience: ISSUER_AUDIENCE, jwksUrl }),
        createValidator({ issuer: issuer.base, audience: ISSUER_AUDIENCE, jwksUrl, mlDsa65Engine: 'noble' }),
      ];
      for (const subject of subjects) {
        expect((await subject.verify(token)).role).to.equal('wallet');
        const reasons = await Promise.all(
          [refresh, tampered(token), withHeader(token, { alg: other })].map((candidate) => reasonOf(subject, candidate)),
        );
        expect(reasons).to.deep.equal(['refresh_token', 'bad_signature', 'alg_not_allowed']);
      }
    });
  });
}
