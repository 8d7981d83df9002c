/**
 * @module test/process/durability
 * Issue 3's durability test: the real server with JSON Lines stores is killed
 * with SIGKILL after acknowledging 200 revocations and several audited mints,
 * a crash-torn half line is appended to each store file, and the restarted
 * server still has every revocation and mint, warning about the torn lines.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { decodeJwt } from 'jose';
import { writeServerConfig } from '../support/serverConfig.js';
import { appendTornLine } from '../support/storeFiles.js';
import {
  isRunning, killHard, listening, requestJson, startServer, within, type ServerProcess,
} from '../support/durabilityServer.js';

const AUTH = '/api/v1/auth';
const REVOCATIONS = 200;
const BATCH = 20;
const ADMIN = { email: 'ops@durability.test', password: `pw-${randomUUID()}` };
const FLEET_SECRET = `fleet-${randomUUID()}`;

function writeConfig(dir: string, files: Record<string, string>): string {
  return writeServerConfig(dir, {
    server_auth: {
      issuer: 'http://127.0.0.1',
      audience: 'durability-test',
      auto_create_admin: true,
      admin_email: ADMIN.email,
      admin_password: ADMIN.password,
      fleet_mint_secret: FLEET_SECRET,
      ...files,
      key_directory: join(dir, 'keys'),
    },
  });
}

/** The 1-based number the next line of `file` will have: every acknowledged line ends with a newline. */
function nextLineNumber(file: string): number {
  const text = readFileSync(file, 'utf8');
  expect(text.endsWith('\n'), `${file} ends with a complete line`).to.equal(true);
  return text.split('\n').length;
}

async function login(base: string): Promise<{ access_token: string; refresh_token: string }> {
  const res = await requestJson('POST', `${base}${AUTH}/login`, { body: ADMIN });
  expect(res.status, JSON.stringify(res.body)).to.equal(200);
  return res.body as { access_token: string; refresh_token: string };
}

describe('durability of the JSON Lines stores (real server, SIGKILL)', function () {
  this.timeout(90_000);
  let dir: string;
  let servers: ServerProcess[];
  const start = (config: string): ServerProcess => {
    const server = startServer(config);
    servers.push(server);
    return server;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pico-durability-'));
    servers = [];
  });
  afterEach(async () => {
    for (const server of servers) {
      if (isRunning(server)) await killHard(server).catch(() => undefined);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  describe('serve --config FILE with revocation_store_path, mint_audit_path and token_family_store_path', () => {
    it('when 200 revokes and 5 audited mints were acknowledged, and the server is SIGKILLed and files torn, restarts with all of them', async () => {
      const files = {
        revocation_store_path: join(dir, 'revocations.jsonl'),
        mint_audit_path: join(dir, 'mints.jsonl'),
        token_family_store_path: join(dir, 'families.jsonl'),
      };
      const config = writeConfig(dir, files);
      const first = start(config);
      const base = await listening(first);

      const sessions = [await login(base), await login(base)];
      const fleet = await requestJson('POST', `${base}${AUTH}/fleet/sessions`, {
        body: { session_id: 'sess-1', agent_id: 'agent-1', scope: 'jobs:run' },
        headers: { 'x-fleet-secret': FLEET_SECRET },
      });
      expect(fleet.status, JSON.stringify(fleet.body)).to.equal(200);
      const minted = [
        ...sessions.flatMap((pair) => [pair.access_token, pair.refresh_token]),
        fleet.body['session_token'] as string,
      ].map((token) => decodeJwt(token).jti as string);

      const jtis = Array.from({ length: REVOCATIONS }, (_, i) => `durable-${i}-${randomUUID()}`);
      for (let i = 0; i < jtis.length; i += BATCH) {
        const answers = await Promise.all(
          jtis.slice(i, i + BATCH).map((jti) =>
            requestJson('POST', `${base}${AUTH}/revoke`, { body: { jti, reason: 'drill' }, bearer: sessions[0]!.access_token }),
          ),
        );
        for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      }

      await killHard(first);
      expect(await first.exited).to.equal('SIGKILL');
      const tornLines = Object.fromEntries(Object.values(files).map((file) => [file, nextLineNumber(file)]));
      for (const file of Object.values(files)) appendTornLine(file);

      const second = start(config);
      const restarted = await listening(second);
      const operator = (await login(restarted)).access_token;
      const revoked = await requestJson('GET', `${restarted}${AUTH}/revoked-jtis`, { bearer: operator });
      const mints = await requestJson('GET', `${restarted}${AUTH}/mints?limit=1000`, { bearer: operator });

      expect(revoked.status, JSON.stringify(revoked.body)).to.equal(200);
      const revokedJtis = (revoked.body['items'] as { jti: string }[]).map((item) => item.jti);
      expect(revokedJtis).to.have.length(REVOCATIONS);
      expect(new Set(revokedJtis)).to.deep.equal(new Set(jtis));
      expect(mints.status, JSON.stringify(mints.body)).to.equal(200);
      const items = mints.body['items'] as { jti: string; kind: string; sub: string; agent_id: string | null }[];
      expect(items.map((item) => item.jti)).to.include.members(minted);
      expect(items.find((item) => item.jti === minted[4])).to.include({ kind: 'fleet', sub: 'sess-1', agent_id: 'agent-1' });
      expect(items.filter((item) => minted.slice(0, 4).includes(item.jti)).map((item) => item.kind).sort())
        .to.deep.equal(['access', 'access', 'refresh', 'refresh']);
      const output = `${second.output.stdout}${second.output.stderr}`;
      for (const [file, line] of Object.entries(tornLines)) expect(output).to.contain(`${file}:${line}`);
    });

    it('when revocation_store_path is inside a missing directory, and the server starts, exits non-zero naming the path', async () => {
      const missing = join(dir, 'no-such-dir', 'revocations.jsonl');
      const server = start(writeConfig(dir, { revocation_store_path: missing }));

      const code = await within(server.exited, 20_000, 'exit on an unwritable store path');

      expect(code).to.be.a('number').and.not.equal(0);
      expect(server.output.stderr).to.contain(missing);
      expect(server.output.stdout).not.to.contain('listening on');
    });
  });
});
