/**
 * @module test/process/standalone
 * The real CLI (`dist/src/cli/main.js`) as a child process on a loopback port:
 * it announces its address, serves the contract over real HTTP, stops cleanly
 * on SIGTERM and refuses a bad configuration at startup.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { expect } from 'chai';
import { createRemoteJWKSet, jwtVerify } from 'jose';

// dist/test/process -> project root.
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const MAIN = join(projectRoot, 'dist', 'src', 'cli', 'main.js');
const AUTH = '/api/v1/auth';
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;
const LISTENING = /listening on (http:\/\/127\.0\.0\.1:(\d+))/;

interface Cli {
  readonly child: ChildProcess;
  readonly output: { stdout: string; stderr: string };
  /** Settles with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

function startCli(args: readonly string[], extraEnv: Record<string, string> = {}): Cli {
  const env = { ...process.env, ...extraEnv };
  delete env['PICO_BOOT_AUTO_PLUGINS'];
  if (extraEnv['PICO_PORT'] === undefined) delete env['PICO_PORT'];
  const child = spawn(process.execPath, [MAIN, ...args], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
  const exited = new Promise<number | null>((settle) => child.once('exit', (code) => settle(code)));
  return { child, output, exited };
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves with the announced base URL; rejects if the process exits first. */
function listening(cli: Cli): Promise<string> {
  const announced = new Promise<string>((ready, fail) => {
    const check = (): void => {
      const match = LISTENING.exec(cli.output.stdout);
      if (match !== null) ready(match[1]!);
    };
    cli.child.stdout!.on('data', check);
    check();
    void cli.exited.then((code) => fail(new Error(`exited with ${code} before listening: ${cli.output.stderr}`)));
  });
  return within(announced, START_TIMEOUT_MS, 'the "listening on" line');
}

function writeConfig(dir: string, yaml: string): string {
  const file = join(dir, 'server-auth.yaml');
  writeFileSync(file, yaml);
  return file;
}

async function postJson(url: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('standalone CLI', () => {
  let dir: string;
  let cli: Cli | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pico-cli-'));
  });

  afterEach(async () => {
    if (cli !== undefined && cli.child.exitCode === null && cli.child.signalCode === null) {
      cli.child.kill('SIGKILL');
      await within(cli.exited, STOP_TIMEOUT_MS, 'the killed child to exit').catch(() => undefined);
    }
    cli = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  describe('serve --config FILE', () => {
    const yaml = [
      'server_auth:',
      '  issuer: http://127.0.0.1',
      '  audience: process-test',
      'server:',
      '  host: 127.0.0.1',
      '  port: 0',
    ].join('\n');

    it('when development is true, says so loudly at start', async () => {
      cli = startCli(['--config', writeConfig(dir, `${yaml.replace('server_auth:', 'server_auth:\n  development: true\n  auto_create_admin: true')}`)]);
      await listening(cli);
      const started = cli;
      // stderr is its own pipe: its lines may arrive after stdout's "listening on".
      await within(
        new Promise<void>((seen) => {
          const check = (): void => void (started.output.stderr.includes('server_auth.development is true') && seen());
          started.child.stderr!.on('data', check);
          check();
        }),
        STOP_TIMEOUT_MS,
        'the development warning',
      );
      expect(cli.output.stderr).to.match(/warning: server_auth\.development is true: .*never run a deployment this way/);
      cli.child.kill('SIGTERM');
      await within(cli.exited, STOP_TIMEOUT_MS, 'exit after SIGTERM');
      // Without it, no such warning.
      cli = startCli(['--config', writeConfig(dir, yaml)]);
      await listening(cli);
      expect(cli.output.stderr).to.not.include('server_auth.development');
    });

    it('when the config asks for port 0, and the server starts, logs the real port and serves the JWKS', async () => {
      cli = startCli(['--config', writeConfig(dir, yaml)]);
      const base = await listening(cli);

      expect(Number(LISTENING.exec(cli.output.stdout)![2])).to.be.greaterThan(0);
      const res = await fetch(`${base}${AUTH}/jwks`);
      expect(res.status).to.equal(200);
      expect(((await res.json()) as { keys: unknown[] }).keys).to.be.an('array').that.is.not.empty;
    });

    it('when an Ed25519 wallet signs the challenge, and signs in, gets an access token the JWKS verifies', async () => {
      cli = startCli(['serve', '--config', writeConfig(dir, yaml)]);
      const base = await listening(cli);
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const address = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');

      const challenge = await postJson(`${base}${AUTH}/challenge`, { address });
      expect(challenge.status).to.equal(200);
      const nonce = challenge.body['challenge'] as string;
      const signature = sign(null, Buffer.from(nonce, 'utf8'), privateKey).toString('hex');
      const signIn = await postJson(`${base}${AUTH}/sign-in`, {
        address, public_key: address, signature, challenge: nonce, algorithm: 'Ed25519',
      });

      expect(signIn.status, JSON.stringify(signIn.body)).to.equal(200);
      expect(signIn.body['address']).to.equal(address);
      const jwks = createRemoteJWKSet(new URL(`${base}${AUTH}/jwks`));
      const { payload } = await jwtVerify(signIn.body['access_token'] as string, jwks, {
        issuer: 'http://127.0.0.1', audience: 'process-test', algorithms: ['RS256'],
      });
      expect(payload.sub).to.equal(address);
    });

    it('when it receives SIGTERM, exits with code 0 within a few seconds', async () => {
      cli = startCli(['--config', writeConfig(dir, yaml)]);
      const base = await listening(cli);
      await (await fetch(`${base}${AUTH}/jwks`)).arrayBuffer(); // leaves a keep-alive connection open

      cli.child.kill('SIGTERM');

      expect(await within(cli.exited, STOP_TIMEOUT_MS, 'exit after SIGTERM')).to.equal(0);
    });

    it('when the config has an unknown key, exits non-zero naming the key path on stderr', async () => {
      cli = startCli(['--config', writeConfig(dir, `${yaml}\n`.replace('server_auth:\n', 'server_auth:\n  bogus: 1\n'))]);

      const code = await within(cli.exited, START_TIMEOUT_MS, 'exit on a bad config');

      expect(code).to.not.equal(0);
      expect(code).to.not.equal(null);
      expect(cli.output.stderr).to.contain('server_auth.bogus');
      expect(cli.output.stdout).not.to.match(LISTENING);
    });
  });

  describe('serve with the default config', () => {
    it('when PICO_PORT is 0, and no --config is given, starts on a free port from config/server-auth.yaml', async () => {
      cli = startCli(['serve'], { PICO_PORT: '0' });
      const base = await listening(cli);

      expect(cli.output.stdout).to.contain(join('config', 'server-auth.yaml'));
      const res = await fetch(`${base}${AUTH}/jwks`);
      expect(res.status).to.equal(200);
      cli.child.kill('SIGTERM');
      expect(await within(cli.exited, STOP_TIMEOUT_MS, 'exit after SIGTERM')).to.equal(0);
    });
  });

  describe('npm start, as a process manager runs it', () => {
    let keys: string;
    before(() => {
      keys = mkdtempSync(join(tmpdir(), 'pico-npm-start-'));
    });
    after(() => rmSync(keys, { recursive: true, force: true }));

    it('with PICO_PORT, serves there with an issuer on that port, and SIGTERM to npm stops the server and frees the port', async function () {
      this.timeout(180_000);
      const port = await freePort();
      const npm = process.env['npm_execpath'];
      const env: NodeJS.ProcessEnv = { ...process.env, PICO_PORT: String(port), PICO_KEY_DIRECTORY: keys };
      delete env['PICO_BOOT_AUTO_PLUGINS'];
      const child = npm === undefined
        ? spawn('npm', ['start'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
        : spawn(process.execPath, [npm, 'start'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const run: Cli = {
        child,
        output: { stdout: '', stderr: '' },
        exited: new Promise((settle) => child.once('exit', (code) => settle(code))),
      };
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (run.output.stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (run.output.stderr += chunk));
      try {
        const announced = await within(
          new Promise<string>((ready, fail) => {
            child.stdout.on('data', () => {
              const match = LISTENING.exec(run.output.stdout);
              if (match !== null) ready(match[1]!);
            });
            void run.exited.then((code) => fail(new Error(`npm start exited ${code}: ${run.output.stderr}`)));
          }),
          150_000,
          'npm start to listen',
        );
        expect(announced).to.equal(`http://127.0.0.1:${port}`);
        const discovery = (await (await fetch(`${announced}/.well-known/openid-configuration`)).json()) as Record<string, string>;
        expect(discovery['issuer']).to.equal(`http://localhost:${port}`);
        expect(discovery['jwks_uri']).to.equal(`http://localhost:${port}${AUTH}/jwks`);
        expect(run.output.stdout + run.output.stderr).to.not.match(/names port/);

        child.kill('SIGTERM'); // the npm process, as `docker stop` or systemd would signal it
        await within(run.exited, 15_000, 'npm to exit after SIGTERM');
        await within(portFreed(port), 10_000, `port ${port} to be freed`);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    });
  });
});

function freePort(): Promise<number> {
  return new Promise((ready, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? ready(address.port) : fail(new Error('no port'))));
    });
  });
}

/** Resolves once nothing accepts connections on `port` any more. */
async function portFreed(port: number): Promise<void> {
  for (;;) {
    const open = await new Promise<boolean>((settle) => {
      const socket = connect(port, '127.0.0.1')
        .once('connect', () => {
          socket.destroy();
          settle(true);
        })
        .once('error', () => settle(false));
    });
    if (!open) return;
    await new Promise((wait) => setTimeout(wait, 100));
  }
}
