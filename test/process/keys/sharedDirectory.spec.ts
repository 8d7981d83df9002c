/**
 * @module test/process/keys/sharedDirectory
 * Two real servers started at once on one (empty) key directory agree on one
 * key and validate each other's tokens (jose against the other's JWKS); a
 * `keys rotate` run by the CLI reaches both without a restart, published
 * before it signs.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { killHard, listening, startServer, type ServerProcess } from '../../support/durabilityServer.js';
import { PROCESS_AUDIENCE, PROCESS_ISSUER, runCli, walletAccessToken, writeKeysConfig } from '../../support/keyProcesses.js';

const AUTH = '/api/v1/auth';
/** Short refresh and cache times so the pick-up is seen within the test. */
const FAST = { key_refresh_seconds: 1, jwks_max_age_seconds: 0, key_publish_lead_seconds: 3600 };

async function jwksKids(base: string): Promise<string[]> {
  const body = (await (await fetch(`${base}${AUTH}/jwks`)).json()) as { keys: { kid: string }[] };
  return body.keys.map((key) => key.kid);
}

async function verifiedBy(base: string, token: string): Promise<string | undefined> {
  const jwks = createRemoteJWKSet(new URL(`${base}${AUTH}/jwks`));
  const { payload } = await jwtVerify(token, jwks, { issuer: PROCESS_ISSUER, audience: PROCESS_AUDIENCE, algorithms: ['RS256'] });
  return payload.sub;
}

describe('two servers sharing a key directory (real servers)', function () {
  this.timeout(60_000);
  let dir: string;
  let keys: string;
  let config: string;
  const servers: ServerProcess[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pico-keys-shared-'));
    keys = join(dir, 'keys');
    config = writeKeysConfig(dir, keys, FAST);
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => killHard(server).catch(() => undefined)));
    rmSync(dir, { recursive: true, force: true });
  });

  const startBoth = async (): Promise<[string, string]> => {
    const pair = [startServer(config), startServer(config)];
    servers.push(...pair);
    return [await listening(pair[0]!), await listening(pair[1]!)];
  };

  it('when both start at once, they share one key and validate each other\'s tokens', async () => {
    const [a, b] = await startBoth();

    expect(readdirSync(keys).filter((name) => name.endsWith('.json'))).to.have.length(1);
    const fromA = await walletAccessToken(a);
    const fromB = await walletAccessToken(b);
    expect(await verifiedBy(b, fromA)).to.equal(decodeJwt(fromA).sub);
    expect(await verifiedBy(a, fromB)).to.equal(decodeJwt(fromB).sub);
    expect(await jwksKids(a)).to.deep.equal(await jwksKids(b));
  });

  it('when the CLI rotates, both servers publish the new key within the refresh interval but keep signing with the old', async () => {
    const [a, b] = await startBoth();
    const [oldKid] = await jwksKids(a);

    const rotated = await runCli(['keys', 'rotate', '--config', config]);

    expect(rotated.code, rotated.stderr).to.equal(0);
    const newKid = /published key ([A-Za-z0-9_-]{43})/.exec(rotated.stdout)?.[1];
    expect(newKid, rotated.stdout).to.be.a('string');
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && ((await jwksKids(a)).length < 2 || (await jwksKids(b)).length < 2)) await sleep(200);
    expect(await jwksKids(a)).to.deep.equal([oldKid, newKid]);
    expect(await jwksKids(b)).to.deep.equal([oldKid, newKid]);
    const token = await walletAccessToken(b);
    expect(decodeProtectedHeader(token).kid).to.equal(oldKid);
    expect(await verifiedBy(a, token)).to.equal(decodeJwt(token).sub);

    const listed = await runCli(['keys', 'list', '--config', config]);
    expect(listed.stdout).to.match(new RegExp(`${oldKid}\\s+RS256\\s+active`));
    expect(listed.stdout).to.match(new RegExp(`${newKid}\\s+RS256\\s+pending`));
  });

  it('when the config has no key directory, keys rotate refuses with a clear message', async () => {
    const memory = join(dir, 'memory.yaml');
    writeFileSync(memory, 'server_auth:\n  issuer: http://127.0.0.1\n');
    const run = await runCli(['keys', 'rotate', '--config', memory]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain('server_auth.key_directory is empty');
  });
});
