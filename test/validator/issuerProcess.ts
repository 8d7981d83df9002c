/**
 * @module test/validator/issuerProcess
 * The real server (`cli/main.js serve`) as the issuer the validator tests talk
 * to: on a port picked beforehand so the issuer URL is its real address and
 * the discovery document's `jwks_uri` works; keys in a temp key directory (so
 * `mint` and `keys rotate` run by the CLI share them); a bootstrap operator
 * for `/login` and `/revoke`; and a `fetch` wrapper that counts requests.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { killHard, listening, requestJson, startServer, type ServerProcess } from '../support/durabilityServer.js';
import { runCli } from '../support/keyProcesses.js';

export const AUTH = '/api/v1/auth';
export const ISSUER_AUDIENCE = 'my-api';
const ADMIN_EMAIL = 'admin@pico.local';
const ADMIN_PASSWORD = 'validator-spec-password';

export interface Issuer {
  readonly base: string;
  readonly config: string;
  readonly server: ServerProcess;
  stop(): Promise<void>;
}

/** A loopback port free right now (the server binds it a moment later). */
async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/** Starts the issuer; `extra` goes into `server_auth` (e.g. `algorithm`, key timings). */
export async function startIssuer(extra: Readonly<Record<string, unknown>> = {}): Promise<Issuer> {
  const dir = mkdtempSync(join(tmpdir(), 'pico-validator-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const config = join(dir, 'server-auth.yaml');
  writeFileSync(
    config,
    stringify({
      server_auth: {
        issuer: base,
        audience: ISSUER_AUDIENCE,
        key_directory: join(dir, 'keys'),
        mint_audit_path: join(dir, 'mints.jsonl'),
        auto_create_admin: true,
        admin_email: ADMIN_EMAIL,
        admin_password: ADMIN_PASSWORD,
        ...extra,
      },
      server: { host: '127.0.0.1', port },
    }),
  );
  const server = startServer(config);
  await listening(server);
  return {
    base,
    config,
    server,
    stop: async (): Promise<void> => {
      await killHard(server).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The operator's token pair from `POST /login`. */
export async function operatorTokens(base: string): Promise<{ access: string; refresh: string }> {
  const login = await requestJson('POST', `${base}${AUTH}/login`, { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
  return { access: login.body['access_token'] as string, refresh: login.body['refresh_token'] as string };
}

/** `pico-server-auth mint --role service`: the validator's feed token, as an operator would make it. */
export async function mintServiceToken(config: string): Promise<string> {
  const run = await runCli(['mint', '--sub', 'orders-api', '--role', 'service', '--ttl', '1d', '--config', config]);
  if (run.code !== 0) throw new Error(`mint: ${run.stderr}`);
  return run.stdout.trim();
}

/** Revokes `jti` as the operator. */
export async function revoke(base: string, jti: string): Promise<void> {
  const { access } = await operatorTokens(base);
  const res = await requestJson('POST', `${base}${AUTH}/revoke`, { bearer: access, body: { jti, reason: 'validator test' } });
  if (res.status !== 200) throw new Error(`revoke: ${res.status} ${JSON.stringify(res.body)}`);
}

export interface FetchRecord {
  readonly path: string;
  readonly status: number;
  readonly ifNoneMatch: string | undefined;
}

export interface CountingFetch {
  readonly fetch: (input: string, init?: RequestInit) => Promise<Response>;
  /** Every request answered, in order. */
  readonly log: FetchRecord[];
  count(pathname: string): number;
}

/** The real fetch, with every request's pathname, conditional header and status recorded. */
export function countingFetch(): CountingFetch {
  const log: FetchRecord[] = [];
  return {
    log,
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      const headers = new Headers(init?.headers);
      log.push({ path: new URL(input).pathname, status: res.status, ifNoneMatch: headers.get('if-none-match') ?? undefined });
      return res;
    },
    count: (pathname) => log.filter((record) => record.path === pathname).length,
  };
}

/** A settable clock for the validator's `now` option, starting at the real time. */
export function fakeClock(): { now: () => number; advance(seconds: number): void } {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (seconds) => void (offset += seconds * 1000) };
}
