/**
 * @module test/process/keys/restart
 * The real server with a key directory, stopped and started again: a token
 * issued before the restart validates against the JWKS after it, under the
 * same kid and the same key; the key file is mode 0600 in a 0700 directory.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { killHard, listening, startServer, type ServerProcess } from '../../support/durabilityServer.js';
import {
  PROCESS_AUDIENCE, PROCESS_ISSUER, stopServer, walletAccessToken, writeKeysConfig,
} from '../../support/keyProcesses.js';

const AUTH = '/api/v1/auth';

describe('signing keys across a restart (real server)', function () {
  this.timeout(60_000);
  let dir: string;
  const servers: ServerProcess[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pico-keys-restart-'));
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => killHard(server).catch(() => undefined)));
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (config: string): Promise<{ server: ServerProcess; base: string }> => {
    const server = startServer(config);
    servers.push(server);
    return { server, base: await listening(server) };
  };

  it('when the server restarts, a token issued before validates after, under the same kid; files are private', async () => {
    const keys = join(dir, 'keys');
    const config = writeKeysConfig(dir, keys);
    const first = await start(config);
    const token = await walletAccessToken(first.base);
    const before = await (await fetch(`${first.base}${AUTH}/jwks`)).json();
    await stopServer(first.server);

    const second = await start(config);

    const after = await (await fetch(`${second.base}${AUTH}/jwks`)).json();
    expect(after).to.deep.equal(before);
    const jwks = createRemoteJWKSet(new URL(`${second.base}${AUTH}/jwks`));
    const { payload } = await jwtVerify(token, jwks, { issuer: PROCESS_ISSUER, audience: PROCESS_AUDIENCE, algorithms: ['RS256'] });
    expect(payload.role).to.equal('wallet');
    const kid = decodeProtectedHeader(token).kid;
    expect(readdirSync(keys)).to.deep.equal([`${kid}.json`]);
    expect(statSync(join(keys, `${kid}.json`)).mode & 0o777).to.equal(0o600);
    expect(statSync(keys).mode & 0o777).to.equal(0o700);
  });
});
