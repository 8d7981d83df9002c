/**
 * @module test/validator/mlDsa65
 * A server signing with ML-DSA-65 (RFC 9964 AKP keys): the validator verifies
 * its tokens on Node 20, where jose cannot, and refuses a tampered signature
 * and a header naming another algorithm for the ML-DSA key.
 */
import { expect } from 'chai';
import { decodeProtectedHeader } from 'jose';
import { createValidator, InvalidTokenError, type Validator } from '../../src/validator/index.js';
import { walletAccessToken } from '../support/keyProcesses.js';
import { AUTH, ISSUER_AUDIENCE, operatorTokens, startIssuer, type Issuer } from './issuerProcess.js';
import { tampered, withHeader } from './forgeToken.js';

describe('validator with an ML-DSA-65 issuer (real server)', function () {
  this.timeout(60_000);
  let issuer: Issuer;
  let validator: Validator;

  before(async () => {
    issuer = await startIssuer({ algorithm: 'ML-DSA-65' });
    validator = createValidator({ issuer: issuer.base, audience: ISSUER_AUDIENCE, jwksUrl: `${issuer.base}${AUTH}/jwks` });
  });
  after(async () => issuer?.stop());

  it('when given an ML-DSA-65 access token, verifies it; a refresh token and forgeries are refused', async () => {
    const token = await walletAccessToken(issuer.base);
    expect(decodeProtectedHeader(token).alg).to.equal('ML-DSA-65');
    const { refresh } = await operatorTokens(issuer.base);
    // `auto` runs liboqs here (a devDependency); `noble` is the reference: both must agree.
    const noble = createValidator({ issuer: issuer.base, audience: ISSUER_AUDIENCE, mlDsa65Engine: 'noble' });
    for (const subject of [validator, noble]) {
      expect((await subject.verify(token)).role).to.equal('wallet');
      const reasons = await Promise.all(
        [refresh, tampered(token), withHeader(token, { alg: 'EdDSA' })].map((candidate) =>
          subject.verify(candidate).then(
            () => 'accepted',
            (error: unknown) => (error instanceof InvalidTokenError ? error.reason : String(error)),
          ),
        ),
      );
      expect(reasons).to.deep.equal(['refresh_token', 'bad_signature', 'alg_not_allowed']);
    }
  });
});
