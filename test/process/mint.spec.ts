/**
 * @module test/process/mint
 * `pico-server-auth mint`: a service token for a remote validator, signed with
 * the server's own keys and recorded in its mint audit, with no code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { decodeJwt } from 'jose';
import { killHard, listening, requestJson, startServer, type ServerProcess } from '../support/durabilityServer.js';
import { runCli, writeKeysConfig } from '../support/keyProcesses.js';

const AUTH = '/api/v1/auth';
const ADMIN_PASSWORD = 'mint-spec-password';

describe('pico-server-auth mint', () => {
  let dir: string;
  let config: string;
  let server: ServerProcess | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pico-mint-'));
    config = writeKeysConfig(dir, join(dir, 'keys'), {
      mint_audit_path: join(dir, 'mints.jsonl'),
      auto_create_admin: true,
      admin_password: ADMIN_PASSWORD,
    });
  });
  afterEach(async () => {
    if (server !== undefined) await killHard(server);
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  describe('when given --sub, --role and --ttl with a config that has a key directory', () => {
    it('prints only the token, which the running server accepts for /revoked-jtis and lists in /mints', async () => {
      server = startServer(config);
      const base = await listening(server);

      const run = await runCli(['mint', '--sub', 'billing', '--role', 'service', '--ttl', '30d', '--scope', 'feed', '--config', config]);
      expect(run.code, run.stderr).to.equal(0);
      const lines = run.stdout.trim().split('\n');
      expect(lines).to.have.length(1);
      const token = lines[0]!;
      const claims = decodeJwt(token);
      expect(claims).to.include({ sub: 'billing', role: 'service', scope: 'feed' });
      expect(claims.exp! - claims.iat!).to.equal(30 * 86_400);
      expect(run.stderr).to.include(`minted jti ${claims.jti}`);

      const feed = await requestJson('GET', `${base}${AUTH}/revoked-jtis`, { bearer: token });
      expect(feed.status, JSON.stringify(feed.body)).to.equal(200);

      const login = await requestJson('POST', `${base}${AUTH}/login`, { body: { email: 'admin@pico.local', password: ADMIN_PASSWORD } });
      const mints = await requestJson('GET', `${base}${AUTH}/mints`, { bearer: login.body['access_token'] as string });
      const items = mints.body['items'] as { jti: string; kind: string; sub: string }[];
      expect(items.find((item) => item.jti === claims.jti)).to.deep.include({ kind: 'service', sub: 'billing' });
    });
  });

  describe('when the mint audit is in memory', () => {
    it('refuses, since the server would never list the token, unless --force is given', async () => {
      const unaudited = writeKeysConfig(dir, join(dir, 'keys'), {}, 'unaudited.yaml');
      const refused = await runCli(['mint', '--sub', 'x', '--role', 'service', '--ttl', '1d', '--config', unaudited]);
      expect(refused.code).to.equal(2);
      expect(refused.stderr).to.match(/the mint audit is in memory .*pass --force/);
      expect(refused.stdout).to.equal('');
      const forced = await runCli(['mint', '--sub', 'x', '--role', 'service', '--ttl', '1d', '--force', '--config', unaudited]);
      expect(forced.code, forced.stderr).to.equal(0);
      expect(decodeJwt(forced.stdout.trim())).to.include({ sub: 'x', role: 'service' });
    });
  });

  describe('when the arguments or the config are wrong', () => {
    it('exits 2 naming the problem, printing no token', async () => {
      const noKeys = writeKeysConfig(dir, '', {}, 'no-keys.yaml');
      const cases: [string[], RegExp][] = [
        [['mint', '--role', 'service', '--ttl', '1d', '--config', config], /mint needs --sub/],
        [['mint', '--sub', 'x', '--role', 'service', '--ttl', 'forever', '--config', config], /invalid duration "forever"/],
        [['mint', '--sub', 'x', '--role', 'service', '--ttl', '10s', '--config', config], /--ttl must be between 60 seconds/],
        // Above the ceiling the key retirement window counts, a token would outlive its key.
        [['mint', '--sub', 'x', '--role', 'service', '--ttl', '366d', '--config', config], /server_auth\.service_token_max_ttl_seconds \(31536000 s\)/],
        [['mint', '--sub', 'x', '--role', 'service', '--ttl', '1d', '--bogus', 'y', '--config', config], /unknown option --bogus/],
        [['mint', '--sub', 'x', '--role', 'service', '--ttl', '1d', '--config', noKeys], /set server_auth\.key_directory/],
      ];
      for (const [args, message] of cases) {
        const run = await runCli(args);
        expect(run.code, args.join(' ')).to.equal(2);
        expect(run.stderr).to.match(message);
        expect(run.stdout).to.equal('');
      }
    });
  });
});
