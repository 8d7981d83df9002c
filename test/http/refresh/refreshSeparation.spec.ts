/**
 * Refresh tokens are for `/refresh` alone: standard validators configured for
 * access tokens (jose `jwtVerify`, PyJWT `decode` with issuer and audience)
 * refuse them, and so does this server's guard; 0.1's refresh tokens still
 * rotate once, so sessions survive the upgrade.
 */
import { expect } from 'chai';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import request from 'supertest';
import { TYPES } from '../../../src/identifiers.js';
import { refreshAudience } from '../../../src/tokens/refreshAudience.js';
import { REFRESH_TOKEN_TYP, signJwt } from '../../../src/tokens/signJwt.js';
import { pyJwtDecode, pyJwtPython } from '../../support/pyjwt.js';
import { AUTH, buildTestApp, type TestApp } from '../../support/testApp.js';
import { bearer, goodClaims, signWithServerKey } from '../../support/tokens.js';
import { listen, type Listening } from '../keys/keys.config.js';
import { refreshConfig } from './refresh.config.js';

const ISSUER = 'http://issuer.test';
const AUDIENCE = 'pico-test';

describe('refresh tokens beside access tokens', () => {
  let t: TestApp;
  let server: Listening;
  let pair: { access_token: string; refresh_token: string };
  before(async () => {
    t = await buildTestApp({ serverAuth: refreshConfig });
    server = await listen(t.app);
  });
  after(async () => server.close());
  beforeEach(async () => {
    pair = (await request(t.app).post(`${AUTH}/login`).send({ email: refreshConfig.admin_email, password: refreshConfig.admin_password }).expect(200)).body;
  });

  it('are signed with their own header typ and audience', () => {
    expect(decodeProtectedHeader(pair.access_token).typ).to.equal('JWT');
    expect(decodeProtectedHeader(pair.refresh_token).typ).to.equal('refresh+jwt');
    expect(decodeJwt(pair.access_token).aud).to.equal(AUDIENCE);
    expect(decodeJwt(pair.refresh_token).aud).to.equal(`${ISSUER}/api/v1/auth/refresh`);
    expect(refreshAudience({ issuer: `${ISSUER}/` })).to.equal(`${ISSUER}/api/v1/auth/refresh`);
    expect(decodeJwt(pair.refresh_token)).to.include({ type: 'refresh' });
  });

  it('are refused by jose jwtVerify configured for access tokens, which accepts the access token', async () => {
    const jwks = createRemoteJWKSet(new URL(`${server.base}${AUTH}/jwks`));
    const options = { issuer: ISSUER, audience: AUDIENCE };
    const { payload } = await jwtVerify(pair.access_token, jwks, options);
    expect(payload.sub).to.equal(refreshConfig.admin_email);
    let refused: unknown;
    await jwtVerify(pair.refresh_token, jwks, options).catch((error: unknown) => (refused = error));
    expect(refused).to.have.property('code', 'ERR_JWT_CLAIM_VALIDATION_FAILED');
    expect(refused).to.have.property('claim', 'aud');
    // A validator that checks the header typ as RFC 8725 recommends refuses it too.
    let byTyp: unknown;
    await jwtVerify(pair.refresh_token, jwks, { issuer: ISSUER, typ: 'JWT' }).catch((error: unknown) => (byTyp = error));
    expect(byTyp).to.have.property('claim', 'typ');
  });

  it('are refused by PyJWT decode with issuer and audience, which accepts the access token', async function () {
    const python = pyJwtPython();
    if (python === undefined) {
      console.log('      (skipped: no python3 with PyJWT; apt-get install python3-jwt)');
      this.skip();
    }
    const check = { jwks: `${server.base}${AUTH}/jwks`, alg: 'RS256', issuer: ISSUER, audience: AUDIENCE };
    const access = await pyJwtDecode(python, { ...check, token: pair.access_token });
    expect(access, JSON.stringify(access)).to.deep.include({ ok: true });
    const refresh = await pyJwtDecode(python, { ...check, token: pair.refresh_token });
    expect(refresh).to.deep.include({ ok: false, error: 'InvalidAudienceError' });
  });

  it('are refused by this server guard, and accepted by /refresh', async () => {
    const res = await request(t.app).get(`${AUTH}/mints`).set(bearer(pair.refresh_token)).expect(401);
    expect(res.body.detail).to.equal('invalid token: refresh tokens are not accepted here');
    expect(res.headers['www-authenticate']).to.match(/^Bearer/);
    await request(t.app).post(`${AUTH}/refresh`).send({ refresh_token: pair.refresh_token }).expect(200);
  });

  it('still rotate when issued by 0.1 (typ JWT, the access audience, type: refresh), into the new form', async () => {
    const now = t.clock.now();
    const legacy = await signWithServerKey(t.container, goodClaims(now, {
      sub: refreshConfig.admin_email, role: 'operator', type: 'refresh', fam: 'legacy-family', exp: Math.floor(now / 1000) + 86_400,
    }));
    const res = await request(t.app).post(`${AUTH}/refresh`).send({ refresh_token: legacy }).expect(200);
    expect(decodeProtectedHeader(res.body.refresh_token).typ).to.equal('refresh+jwt');
    expect(decodeJwt(res.body.access_token)).to.include({ sub: refreshConfig.admin_email, role: 'operator' });
    // Still single-use.
    const again = await request(t.app).post(`${AUTH}/refresh`).send({ refresh_token: legacy }).expect(401);
    expect(again.body.detail).to.equal('refresh token reused');
  });

  it('a refresh-typ token with the access audience is not a refresh token /refresh accepts', async () => {
    const key = await t.container.get(TYPES.KeyStore).signingKey();
    const confused = await signJwt(goodClaims(t.clock.now(), { type: 'refresh', fam: 'f' }), key, REFRESH_TOKEN_TYP);
    const res = await request(t.app).post(`${AUTH}/refresh`).send({ refresh_token: confused }).expect(401);
    expect(res.body.detail).to.equal('refresh invalid: aud claim invalid');
  });
});
