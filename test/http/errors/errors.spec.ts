import { expect } from 'chai';
import request from 'supertest';
import { AUTH, buildTestApp } from '../../support/testApp.js';

describe('unknown routes and methods', () => {
  it('answers 404 {"detail": "Not Found"} as JSON', async () => {
    const t = await buildTestApp();
    for (const path of ['/nope', `${AUTH}/nope`, `${AUTH}`]) {
      const res = await request(t.app).get(path).expect(404);
      expect(res.headers['content-type']).to.match(/^application\/json/);
      expect(res.body.detail).to.equal('Not Found');
    }
  });

  it('answers 404 JSON for a known path with the wrong method', async () => {
    const t = await buildTestApp();
    const res = await request(t.app).get(`${AUTH}/challenge`).expect(404);
    expect(res.body.detail).to.equal('Not Found');
  });
});
