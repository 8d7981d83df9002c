/**
 * No usable token at rest: a real server with every store on disk (keys,
 * revocations, mint audit, refresh families) runs a whole lifecycle — wallet
 * sign-in, password login, refresh rotation, refresh reuse, a fleet token, a
 * CLI service token, a revocation — and then every file under its data
 * directory is searched for every token it handed out, and for each token's
 * signature alone. None may be there.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { decodeJwt } from 'jose';
import { listening, requestJson, startServer, type ServerProcess } from '../support/durabilityServer.js';
import { runCli, stopServer, walletAccessToken, writeKeysConfig } from '../support/keyProcesses.js';

const AUTH = '/api/v1/auth';
const PASSWORD = 'at-rest-spec-password';
const FLEET_SECRET = 'at-rest-fleet-secret-0123456789abcdef';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('tokens at rest', () => {
  let dir: string;
  let server: ServerProcess | undefined;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pico-at-rest-'));
  });
  after(async () => {
    if (server !== undefined) await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  });

  it('no file under the data directory holds any token issued in a full lifecycle', async () => {
    const data = join(dir, 'data');
    const config = writeKeysConfig(dir, join(data, 'keys'), {
      revocation_store_path: join(data, 'revocations.jsonl'),
      mint_audit_path: join(data, 'mints.jsonl'),
      token_family_store_path: join(data, 'families.jsonl'),
      auto_create_admin: true,
      admin_password: PASSWORD,
      fleet_mint_secret: FLEET_SECRET,
      mint_audit_min_ttl_seconds: 60,
    });
    // The stores' directory is made by the test: the key directory is made by the server.
    mkdirSync(data, { recursive: true });
    server = startServer(config);
    const base = await listening(server);
    const issued: string[] = [];
    const ok = (res: { status: number; body: Record<string, unknown> }, ...fields: string[]): void => {
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      for (const field of fields) issued.push(res.body[field] as string);
    };

    issued.push(await walletAccessToken(base));
    const login = await requestJson('POST', `${base}${AUTH}/login`, { body: { email: 'admin@pico.local', password: PASSWORD } });
    ok(login, 'access_token', 'refresh_token');
    const rotated = await requestJson('POST', `${base}${AUTH}/refresh`, { body: { refresh_token: login.body['refresh_token'] } });
    ok(rotated, 'access_token', 'refresh_token');
    const reuse = await requestJson('POST', `${base}${AUTH}/refresh`, { body: { refresh_token: login.body['refresh_token'] } });
    expect(reuse.status).to.equal(401);
    const second = await requestJson('POST', `${base}${AUTH}/login`, { body: { email: 'admin@pico.local', password: PASSWORD } });
    ok(second, 'access_token', 'refresh_token');
    const fleet = await requestJson('POST', `${base}${AUTH}/fleet/sessions`, {
      headers: { 'x-fleet-secret': FLEET_SECRET },
      body: { session_id: 'sess-1', agent_id: 'agent-1', ttl: 3600 },
    });
    ok(fleet, 'session_token');
    const cli = await runCli(['mint', '--sub', 'billing', '--role', 'service', '--ttl', '2h', '--config', config]);
    expect(cli.code, cli.stderr).to.equal(0);
    issued.push(cli.stdout.trim());
    const operator = second.body['access_token'] as string;
    const revoke = await requestJson('POST', `${base}${AUTH}/revoke`, {
      bearer: operator,
      body: { jti: decodeJwt(fleet.body['session_token'] as string).jti, reason: 'test' },
    });
    expect(revoke.status, JSON.stringify(revoke.body)).to.equal(200);
    await stopServer(server);
    server = undefined;

    const files = filesUnder(data);
    expect(files.map((file) => file.slice(data.length + 1))).to.include.members(['families.jsonl', 'mints.jsonl', 'revocations.jsonl']);
    const contents = files.map((file) => ({ file, text: readFileSync(file, 'latin1') }));
    expect(issued).to.have.length(9);
    for (const token of issued) {
      const signature = token.split('.')[2]!;
      expect(signature.length).to.be.greaterThan(40);
      for (const { file, text } of contents) {
        expect(text.includes(token), `${file} holds a token`).to.equal(false);
        expect(text.includes(signature), `${file} holds a token's signature`).to.equal(false);
      }
    }
    // The stores did record the lifecycle: jtis are there.
    const families = readFileSync(join(data, 'families.jsonl'), 'utf8');
    expect(families).to.include(decodeJwt(second.body['refresh_token'] as string).jti as string);
  });
});
