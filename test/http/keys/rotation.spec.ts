/**
 * @module test/http/keys/rotation
 * Rotation seen through the app with a key directory: a rotation by another
 * process (a second store on the directory, as `keys rotate` does) appears in
 * the JWKS after the refresh interval and before the new key signs; then
 * tokens switch kid and old ones still validate; after the retirement window
 * the old key leaves the JWKS and its tokens are refused. FakeClock only.
 */
import { expect } from 'chai';
import request from 'supertest';
import { TYPES } from '../../../src/identifiers.js';
import { keyPolicy } from '../../../src/keys/keyPolicy.js';
import { FileKeyStore } from '../../../src/stores/file/FileKeyStore.js';
import { kidOf, removeKeyDirectory, tempKeyDirectory } from '../../support/keyStores.js';
import { RecordingLogger } from '../../support/RecordingLogger.js';
import { AUTH, buildTestApp, type TestApp } from '../../support/testApp.js';
import { keysConfig, LEAD_MS, RETIRE_AFTER_MS } from './keys.config.js';

describe('rotation through the app', () => {
  let directory: string;
  let t: TestApp;

  beforeEach(async () => {
    directory = tempKeyDirectory();
    t = await buildTestApp({ serverAuth: { ...keysConfig, key_directory: directory } });
  });

  afterEach(() => removeKeyDirectory(directory));

  const jwksKids = async (): Promise<string[]> =>
    (await request(t.app).get(`${AUTH}/jwks`).expect(200)).body.keys.map((key: { kid: string }) => key.kid);
  const accessToken = async (): Promise<string> =>
    (await t.container.get(TYPES.TokenIssuer).issueSession({ sub: 'alice', role: 'wallet' })).access_token;
  const verify = async (token: string): Promise<string> => {
    try {
      return (await t.container.get(TYPES.TokenVerifier).verify(token)).sub;
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('publishes the new key before it signs, validates old and new tokens, then drops the old key', async () => {
    const oldToken = await accessToken();
    const oldKid = kidOf(oldToken);
    const cli = new FileKeyStore({
      directory, policy: keyPolicy(t.container.get(TYPES.ServerAuthSettings)), clock: t.clock, logger: new RecordingLogger(),
    });
    const newKid = (await cli.rotate()).key.key.kid;

    expect(await jwksKids()).to.deep.equal([oldKid]);
    t.clock.advance(10_000);
    expect(await jwksKids()).to.deep.equal([oldKid, newKid]);
    expect(kidOf(await accessToken())).to.equal(oldKid);

    t.clock.advance(LEAD_MS - 10_000);
    const newToken = await accessToken();
    expect(kidOf(newToken)).to.equal(newKid);
    expect(await verify(newToken)).to.equal('alice');
    expect(await verify(oldToken)).to.equal('alice');

    t.clock.advance(RETIRE_AFTER_MS);
    expect(await jwksKids()).to.deep.equal([newKid]);
    expect(await verify(oldToken)).to.equal('unknown kid');
  });
});
