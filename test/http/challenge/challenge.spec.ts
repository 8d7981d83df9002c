import { expect } from 'chai';
import request from 'supertest';
import { TYPES } from '../../../src/identifiers.js';
import { AUTH, buildTestApp, type TestApp } from '../../support/testApp.js';
import { challengeConfig } from './challenge.config.js';

describe('POST /challenge', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp({ serverAuth: challengeConfig });
  });

  describe('when called with an address', () => {
    it('returns 64 lowercase hex characters and the configured ttl', async () => {
      const res = await request(t.app).post(`${AUTH}/challenge`).send({ address: 'abc' }).expect(200);
      expect(res.headers['content-type']).to.match(/^application\/json/);
      expect(res.body.challenge).to.match(/^[0-9a-f]{64}$/);
      expect(res.body.ttl).to.equal(challengeConfig.challenge_ttl_seconds);
    });

    it('returns a different challenge each time, and a new one does not cancel a pending one', async () => {
      const store = t.container.get(TYPES.ChallengeStore);
      const first = (await request(t.app).post(`${AUTH}/challenge`).send({ address: 'abc' })).body.challenge;
      const second = (await request(t.app).post(`${AUTH}/challenge`).send({ address: 'ABC' })).body.challenge;
      expect(first).not.to.equal(second);
      expect(await store.validate('abc', first)).to.equal(true);
      expect(await store.validate('abc', second)).to.equal(true);
    });
  });

  describe('when the address is missing or wrong', () => {
    for (const [label, body] of [
      ['missing', {}],
      ['empty', { address: '' }],
      ['null', { address: null }],
    ] as const) {
      it(`answers 400 "address required" when ${label}`, async () => {
        const res = await request(t.app).post(`${AUTH}/challenge`).send(body).expect(400);
        expect(res.body).to.deep.equal({ detail: 'address required', code: 'ERR_INVALID_REQUEST' });
      });
    }

    it('answers 400 when the address is not a string', async () => {
      const res = await request(t.app).post(`${AUTH}/challenge`).send({ address: 42 }).expect(400);
      expect(res.body.detail).to.equal('address must be a string');
    });

    it('answers 400 when the address is absurdly long', async () => {
      const res = await request(t.app).post(`${AUTH}/challenge`).send({ address: 'a'.repeat(5000) }).expect(400);
      expect(res.body.detail).to.equal('address must be at most 4096 characters');
    });
  });

  describe('when the body is not a JSON object', () => {
    it('answers 400 "invalid JSON body" for malformed JSON', async () => {
      const res = await request(t.app)
        .post(`${AUTH}/challenge`)
        .set('Content-Type', 'application/json')
        .send('{"address": ')
        .expect(400);
      expect(res.body).to.deep.equal({ detail: 'invalid JSON body', code: 'ERR_INVALID_REQUEST' });
    });

    for (const raw of ['[1,2]', '"abc"', '17', 'null']) {
      it(`answers 400 for the JSON value ${raw}`, async () => {
        const res = await request(t.app).post(`${AUTH}/challenge`).set('Content-Type', 'application/json').send(raw);
        expect(res.status).to.equal(400);
        expect(res.body.detail).to.equal('request body must be a JSON object');
      });
    }

    it('answers 413 for an oversized body', async () => {
      const res = await request(t.app)
        .post(`${AUTH}/challenge`)
        .send({ address: 'a', pad: 'x'.repeat(70 * 1024) })
        .expect(413);
      expect(res.body.code).to.equal('ERR_PAYLOAD_TOO_LARGE');
      expect(res.body.detail).to.match(/exceeds/);
    });
  });

  describe('when challenge_max_pending challenges are pending', () => {
    it('answers 503 with a clear detail, and accepts again once they expire', async () => {
      const small = await buildTestApp({ serverAuth: { challenge_max_pending: 3, challenge_ttl_seconds: 5 } });
      for (let i = 0; i < 3; i += 1) {
        await request(small.app).post(`${AUTH}/challenge`).send({ address: `a${i}` }).expect(200);
      }
      const full = await request(small.app).post(`${AUTH}/challenge`).send({ address: 'z' }).expect(503);
      expect(full.body).to.deep.equal({ detail: 'too many pending challenges, retry later', code: 'ERR_SERVICE_UNAVAILABLE' });
      expect(full.headers['retry-after']).to.equal('5');
      small.clock.advance(5_000);
      await request(small.app).post(`${AUTH}/challenge`).send({ address: 'z' }).expect(200);
    });
  });
});
