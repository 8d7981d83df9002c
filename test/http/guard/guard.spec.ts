import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { expect } from 'chai';
import express from 'express';
import { SignJWT } from 'jose';
import request from 'supertest';
import { TYPES } from '../../../src/identifiers.js';
import { AUTH, buildTestApp, type TestApp } from '../../support/testApp.js';
import { bearer, goodClaims, hmacWithPublicKey, mintToken, signWithServerKey, unsignedToken } from '../../support/tokens.js';
import { guardConfig } from './guard.config.js';

/** A route only the operator role may call. */
const GUARDED = `${AUTH}/mints`;

describe('BearerGuard', () => {
  let t: TestApp;
  let kid: string;
  beforeEach(async () => {
    t = await buildTestApp({ serverAuth: guardConfig });
    kid = (await t.container.get(TYPES.KeyStore).signingKey()).kid;
  });

  async function expect401(headers: Record<string, string>, detail: string | RegExp): Promise<void> {
    const res = await request(t.app).get(GUARDED).set(headers).expect(401);
    expect(res.headers['www-authenticate']).to.equal('Bearer');
    expect(res.body.code).to.equal('ERR_TOKEN_INVALID');
    if (typeof detail === 'string') expect(res.body.detail).to.equal(detail);
    else expect(res.body.detail).to.match(detail);
  }

  describe('when the header is missing or not a bearer token', () => {
    it('refuses no header, another scheme, and garbage', async () => {
      await expect401({}, 'missing bearer token');
      await expect401({ Authorization: 'Basic YWRtaW46YWRtaW4=' }, 'invalid authorization header: expected Bearer <token>');
      await expect401({ Authorization: 'Bearer' }, 'invalid authorization header: expected Bearer <token>');
      await expect401(bearer('not-a-jwt'), 'invalid token: malformed token');
      await expect401(bearer('a.b.c'), 'invalid token: malformed token');
    });
  });

  describe('when the token is forged or confused', () => {
    it('refuses alg none, even naming our kid', async () => {
      await expect401(bearer(unsignedToken(kid, goodClaims(t.clock.now()))), 'invalid token: algorithm not allowed');
    });

    it('refuses HS256 signed with our public key as the secret', async () => {
      const key = await t.container.get(TYPES.KeyStore).signingKey();
      const pem = (key.publicKey as KeyObject).export({ type: 'spki', format: 'pem' }).toString();
      await expect401(bearer(await hmacWithPublicKey(kid, pem, goodClaims(t.clock.now()))), 'invalid token: algorithm not allowed');
    });

    it('refuses a token signed by a key we do not know, and a bad signature under our kid', async () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const claims = goodClaims(t.clock.now());
      const foreign = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'someone-else' }).sign(privateKey);
      await expect401(bearer(foreign), 'invalid token: unknown kid');
      const spoofed = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
      await expect401(bearer(spoofed), 'invalid token: signature verification failed');
    });
  });

  describe('when the claims are wrong', () => {
    it('refuses an expired token', async () => {
      const token = await mintToken(t.container, 'operator', 'op', 600);
      t.clock.advance(601_000);
      await expect401(bearer(token), 'invalid token: token expired');
    });

    it('refuses a token that expired after the guard had accepted (and cached) it', async () => {
      const token = await mintToken(t.container, 'operator', 'op', 600);
      await request(t.app).get(GUARDED).set(bearer(token)).expect(200);
      t.clock.advance(600_000);
      await expect401(bearer(token), 'invalid token: token expired');
    });

    it('refuses a wrong issuer and a wrong audience', async () => {
      const now = t.clock.now();
      await expect401(bearer(await signWithServerKey(t.container, goodClaims(now, { iss: 'http://evil.test' }))), 'invalid token: iss claim invalid');
      await expect401(bearer(await signWithServerKey(t.container, goodClaims(now, { aud: 'other' }))), 'invalid token: aud claim invalid');
    });

    it('refuses a refresh token presented as an access token', async () => {
      const token = await signWithServerKey(t.container, goodClaims(t.clock.now(), { type: 'refresh' }));
      await expect401(bearer(token), 'invalid token: refresh tokens are not accepted here');
    });

    it('refuses a revoked token at once', async () => {
      const token = await mintToken(t.container, 'operator');
      await request(t.app).get(GUARDED).set(bearer(token)).expect(200);
      await request(t.app).post(`${AUTH}/revoke`).set(bearer(await mintToken(t.container, 'operator'))).send({
        jti: JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).jti,
      }).expect(200);
      await expect401(bearer(token), 'token revoked');
    });
  });

  describe('when the role is missing', () => {
    it("answers 403 naming the route's roles", async () => {
      const res = await request(t.app).get(GUARDED).set(bearer(await mintToken(t.container, 'wallet'))).expect(403);
      expect(res.body).to.deep.equal({ detail: "Requires one of roles: ['operator']", code: 'ERR_FORBIDDEN' });
    });
  });

  describe('when the token is a valid operator token', () => {
    it('passes', async () => {
      const res = await request(t.app).get(GUARDED).set(bearer(await mintToken(t.container, 'operator'))).expect(200);
      expect(res.body.items).to.be.an('array');
    });
  });

  describe('require()', () => {
    it("guards a host's own route and hands it the claims", async () => {
      const guard = t.container.get(TYPES.BearerGuard);
      const host = express();
      host.get('/reports', guard.require('auditor'), (_req, res) => {
        res.json({ sub: (res.locals['auth'] as { sub: string }).sub });
      });
      await request(host).get('/reports').expect(401);
      await request(host).get('/reports').set(bearer(await mintToken(t.container, 'operator'))).expect(403);
      const ok = await request(host).get('/reports').set(bearer(await mintToken(t.container, 'auditor', 'alice'))).expect(200);
      expect(ok.body).to.deep.equal({ sub: 'alice' });
    });
  });
});
