import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { expect } from 'chai';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { ethereumAddress } from '../../../src/wallet/ethereumAddress.js';
import { decodeHex } from '../../../src/wallet/hex.js';
import { AUTH, baseConfig, buildTestApp, type TestApp } from '../../support/testApp.js';
import { ed25519Wallet, mlDsa65Wallet, secp256k1Wallet, type TestWallet } from '../../support/wallets.js';
import { signInConfig } from './sign-in.config.js';
import { getChallenge, postSignIn, signInBody } from './signInSteps.js';

describe('POST /sign-in', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp({ serverAuth: signInConfig });
  });

  describe('when the wallet signs its challenge', () => {
    let server: Server;
    afterEach(() => server?.close());

    const cases: [string, () => TestWallet, (w: TestWallet) => string][] = [
      ['Ed25519 (signed by OpenSSL)', ed25519Wallet, (w) => w.publicKeyHex],
      ['ML-DSA-65', mlDsa65Wallet, (w) => w.publicKeyHex],
      ['secp256k1 (signed by OpenSSL)', secp256k1Wallet, (w) => ethereumAddress(decodeHex(w.publicKeyHex))],
    ];
    for (const [label, makeWallet, canonical] of cases) {
      it(`${label}: issues tokens that jose validates against the served JWKS`, async () => {
        const wallet = makeWallet();
        const challenge = await getChallenge(t.app, wallet.publicKeyHex);
        const res = await postSignIn(t.app, signInBody(wallet, challenge)).expect(200);
        const subject = canonical(wallet);
        expect(res.body.address).to.equal(subject);
        expect(res.body.algorithm).to.equal(wallet.algorithm);

        server = t.app.listen(0, '127.0.0.1');
        await new Promise((ready) => server.once('listening', ready));
        const { port } = server.address() as AddressInfo;
        const jwks = createRemoteJWKSet(new URL(`http://127.0.0.1:${port}${AUTH}/jwks`));
        const { payload, protectedHeader } = await jwtVerify(res.body.access_token, jwks, {
          issuer: baseConfig.server_auth.issuer,
          audience: baseConfig.server_auth.audience,
          algorithms: ['RS256'],
          currentDate: new Date(t.clock.now()),
        });
        expect(protectedHeader).to.include({ alg: 'RS256', typ: 'JWT' });
        expect(protectedHeader.kid).to.be.a('string').and.not.be.empty;
        expect(payload.sub).to.equal(subject);
        expect(payload['role']).to.equal('wallet');
        expect(payload['algorithm']).to.equal(wallet.algorithm);
        expect(payload['wallet_address']).to.equal(subject);
        expect(payload.exp! - payload.iat!).to.equal(15 * 60);
        expect(payload.iat).to.equal(Math.floor(t.clock.now() / 1000));
        expect(payload.jti).to.be.a('string').and.not.be.empty;

        const refresh = decodeJwt(res.body.refresh_token);
        expect(refresh).to.include({ type: 'refresh', sub: subject, role: 'wallet' });
        expect(refresh.exp! - refresh.iat!).to.equal(7 * 86_400);
        expect(refresh.jti).not.to.equal(payload.jti);
      });
    }

    it('secp256k1: accepts DER, compact and high-S signatures, compressed and uncompressed keys, as one identity', async () => {
      const wallet = secp256k1Wallet();
      const expected = ethereumAddress(decodeHex(wallet.uncompressedHex));
      const variants: [string, (c: string) => string][] = [
        [wallet.uncompressedHex, (c) => wallet.signDerHex(c)],
        [wallet.uncompressedHex, (c) => wallet.signCompactHex(c)],
        [wallet.compressedHex, (c) => wallet.signHighSCompactHex(c)],
        [`0x${wallet.compressedHex.toUpperCase()}`, (c) => `0x${wallet.signDerHex(c)}`],
      ];
      for (const [publicKey, sign] of variants) {
        const challenge = await getChallenge(t.app, expected.toLowerCase());
        const res = await postSignIn(t.app, {
          address: expected.toLowerCase(),
          public_key: publicKey,
          signature: sign(challenge),
          challenge,
          algorithm: 'secp256k1',
        }).expect(200);
        expect(res.body.address).to.equal(expected);
        expect(decodeJwt(res.body.access_token).sub).to.equal(expected);
      }
    });

    it('the default algorithm is ML-DSA-65 when none is sent', async () => {
      const wallet = mlDsa65Wallet();
      const challenge = await getChallenge(t.app, wallet.publicKeyHex);
      const { algorithm: _omitted, ...body } = signInBody(wallet, challenge);
      const res = await postSignIn(t.app, body).expect(200);
      expect(res.body.algorithm).to.equal('ML-DSA-65');
    });
  });

  describe('when the challenge is replayed or stale', () => {
    it('answers 401 to a second use of the same challenge', async () => {
      const wallet = ed25519Wallet();
      const challenge = await getChallenge(t.app, wallet.publicKeyHex);
      await postSignIn(t.app, signInBody(wallet, challenge)).expect(200);
      const res = await postSignIn(t.app, signInBody(wallet, challenge)).expect(401);
      expect(res.body).to.deep.equal({ detail: 'invalid or expired challenge', code: 'ERR_CHALLENGE_INVALID' });
      expect(res.headers['www-authenticate']).to.equal('Bearer');
    });

    it('lets exactly one of 20 concurrent sign-ins with one challenge succeed', async () => {
      const wallet = ed25519Wallet();
      const challenge = await getChallenge(t.app, wallet.publicKeyHex);
      const body = signInBody(wallet, challenge);
      const statuses = (await Promise.all(Array.from({ length: 20 }, () => postSignIn(t.app, body)))).map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).to.have.length(1);
      expect(statuses.filter((s) => s === 401)).to.have.length(19);
    });

    it('answers 401 once the challenge ttl has passed, and not a second before', async () => {
      const wallet = ed25519Wallet();
      const early = await getChallenge(t.app, wallet.publicKeyHex);
      const late = await getChallenge(t.app, wallet.publicKeyHex);
      t.clock.advance(signInConfig.challenge_ttl_seconds * 1000 - 1000);
      await postSignIn(t.app, signInBody(wallet, early)).expect(200);
      t.clock.advance(1000);
      const res = await postSignIn(t.app, signInBody(wallet, late)).expect(401);
      expect(res.body.detail).to.equal('invalid or expired challenge');
    });

    it('answers 401 for a challenge that was never issued, or issued for another address', async () => {
      const wallet = ed25519Wallet();
      const other = await getChallenge(t.app, 'someone-else');
      await postSignIn(t.app, signInBody(wallet, 'f'.repeat(64))).expect(401);
      await postSignIn(t.app, signInBody(wallet, other)).expect(401);
    });
  });

  describe('when the request is malformed', () => {
    it('answers 400 for missing fields', async () => {
      for (const missing of ['address', 'public_key', 'signature', 'challenge']) {
        const body: Record<string, unknown> = { ...signInBody(ed25519Wallet(), 'c'.repeat(64)) };
        delete body[missing];
        const res = await postSignIn(t.app, body).expect(400);
        expect(res.body.detail).to.equal('address, public_key, signature, and challenge required');
      }
    });

    it('answers 400 for fields of the wrong type', async () => {
      const res = await postSignIn(t.app, signInBody(ed25519Wallet(), 'c'.repeat(64), { signature: 12 })).expect(400);
      expect(res.body.detail).to.equal('address, public_key, signature, and challenge must be strings');
      const alg = await postSignIn(t.app, signInBody(ed25519Wallet(), 'c'.repeat(64), { algorithm: ['Ed25519'] })).expect(400);
      expect(alg.body.detail).to.equal('algorithm must be a string');
    });

    it('answers 400 for an unknown algorithm and for one not enabled in config', async () => {
      const wallet = ed25519Wallet();
      const res = await postSignIn(t.app, signInBody(wallet, 'c'.repeat(64), { algorithm: 'RSA' })).expect(400);
      expect(res.body).to.deep.equal({ detail: 'unsupported wallet algorithm: RSA', code: 'ERR_UNSUPPORTED_ALGORITHM' });
      const only = await buildTestApp({ serverAuth: { supported_wallet_algorithms: ['secp256k1'] } });
      const disabled = await postSignIn(only.app, signInBody(wallet, 'c'.repeat(64))).expect(400);
      expect(disabled.body.detail).to.equal('unsupported wallet algorithm: Ed25519');
    });

    it('answers 400 "invalid hex encoding" for bad hex in the key or signature', async () => {
      const wallet = ed25519Wallet();
      for (const override of [{ public_key: 'zz' + wallet.publicKeyHex.slice(2) }, { signature: 'abc' }]) {
        const res = await postSignIn(t.app, signInBody(wallet, 'c'.repeat(64), override)).expect(400);
        expect(res.body.detail).to.equal('invalid hex encoding');
      }
    });

    it('answers 400 naming the expected length for wrong key or signature lengths', async () => {
      const expectations: [TestWallet, { public_key?: string; signature?: string }, string][] = [
        [ed25519Wallet(), { public_key: 'ab'.repeat(31) }, 'public_key must be 32 bytes for Ed25519'],
        [ed25519Wallet(), { signature: 'ab'.repeat(65) }, 'signature must be 64 bytes for Ed25519'],
        [secp256k1Wallet(), { public_key: '04' + 'ab'.repeat(40) }, 'public_key must be 33 or 65 bytes for secp256k1'],
        [mlDsa65Wallet(), { public_key: 'ab'.repeat(1951) }, 'public_key must be 1952 bytes for ML-DSA-65'],
        [mlDsa65Wallet(), { signature: 'ab'.repeat(3308) }, 'signature must be 3309 bytes for ML-DSA-65'],
      ];
      for (const [wallet, override, detail] of expectations) {
        const res = await postSignIn(t.app, signInBody(wallet, 'c'.repeat(64), override)).expect(400);
        expect(res.body.detail).to.equal(detail);
      }
    });

    it('does not burn the challenge: the same challenge still signs in afterwards', async () => {
      const wallet = ed25519Wallet();
      const challenge = await getChallenge(t.app, wallet.publicKeyHex);
      await postSignIn(t.app, signInBody(wallet, challenge, { signature: 'not hex' })).expect(400);
      await postSignIn(t.app, signInBody(wallet, challenge, { public_key: 'ab' })).expect(400);
      await postSignIn(t.app, signInBody(wallet, challenge, { algorithm: 'nope' })).expect(400);
      await postSignIn(t.app, signInBody(wallet, challenge)).expect(200);
    });
  });

  describe('when the key or signature is wrong', () => {
    it('answers 400 when the address does not belong to the key', async () => {
      const wallet = ed25519Wallet();
      const stranger = ed25519Wallet();
      const challenge = await getChallenge(t.app, stranger.publicKeyHex);
      const res = await postSignIn(t.app, signInBody(wallet, challenge, { address: stranger.publicKeyHex })).expect(400);
      expect(res.body).to.deep.equal({ detail: 'address does not match verified public key', code: 'ERR_ADDRESS_MISMATCH' });
    });

    it('answers 401 "signature verification failed" for a signature by another key, or over another message', async () => {
      for (const make of [ed25519Wallet, secp256k1Wallet, mlDsa65Wallet]) {
        const wallet = make();
        const challenge = await getChallenge(t.app, wallet.publicKeyHex);
        const forged = make().signHex(challenge);
        const res = await postSignIn(t.app, signInBody(wallet, challenge, { signature: forged })).expect(401);
        expect(res.body).to.deep.equal({ detail: 'signature verification failed', code: 'ERR_SIGNATURE_INVALID' });
        const again = await getChallenge(t.app, wallet.publicKeyHex);
        await postSignIn(t.app, signInBody(wallet, again, { signature: wallet.signHex(challenge) })).expect(401);
      }
    });
  });
});
