/**
 * @module test/support/redis
 * Redis for tests. Suites that need the shared server read
 * `PICO_TEST_REDIS_URL` (set by .ci/run, which starts redis-server) and skip,
 * saying so, when it is unset. Every test works under its own random key
 * prefix and deletes only its own keys: nothing global is ever flushed.
 * Outage tests start a private redis-server child they can kill and restart.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { RedisConnection } from '../../src/stores/redis/RedisConnection.js';
import { RecordingLogger } from './RecordingLogger.js';

export const TEST_REDIS_URL: string | undefined = process.env['PICO_TEST_REDIS_URL'] || undefined;

const SKIP_NO_URL = 'skipped: PICO_TEST_REDIS_URL is not set (.ci/run starts redis-server and sets it)';
const SKIP_NO_BINARY = 'skipped: redis-server is not on PATH (.ci/run installs it)';

/** `describe(title)` with the shared test Redis URL, or one skipped test saying why. */
export function describeWithRedis(title: string, body: (url: string) => void): void {
  const url = TEST_REDIS_URL;
  describe(title, () => {
    if (url === undefined) {
      it(SKIP_NO_URL, function () {
        this.skip();
      });
      return;
    }
    body(url);
  });
}

export const REDIS_SERVER_AVAILABLE: boolean = spawnSync('redis-server', ['--version']).status === 0;

/** `describe(title)` when a redis-server binary can be started, or one skipped test saying why. */
export function describeWithRedisServer(title: string, body: () => void): void {
  describe(title, () => {
    if (!REDIS_SERVER_AVAILABLE) {
      it(SKIP_NO_BINARY, function () {
        this.skip();
      });
      return;
    }
    body();
  });
}

/** A fresh key prefix, unique to one test. */
export function testPrefix(): string {
  return `pico-test:${randomBytes(6).toString('hex')}:`;
}

/** Every key under `prefix`. */
export async function keysUnder(connection: RedisConnection, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await connection.client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

/** Deletes the keys under `prefix` (and nothing else), then closes the connection. */
export async function dropAndClose(connection: RedisConnection, prefix = connection.keyPrefix): Promise<void> {
  if (connection.ready) {
    const keys = await keysUnder(connection, prefix);
    if (keys.length > 0) await connection.client.del(...keys);
  }
  await connection.close();
}

/** A connected client under a fresh prefix, logging into a RecordingLogger. */
export async function openTestConnection(url: string, prefix = testPrefix()): Promise<RedisConnection> {
  const connection = new RedisConnection({ url, keyPrefix: prefix, connectTimeoutMs: 3000, logger: new RecordingLogger() });
  await connection.connect();
  return connection;
}

/** A free loopback TCP port (bound then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A private redis-server child on a loopback port, for tests that stop and restart Redis. */
export class RedisServerProcess {
  #child: ChildProcess | undefined;

  private constructor(readonly port: number, private readonly args: readonly string[]) {}

  /** Starts redis-server on a free port; `dir` with `persist` keeps data across restarts (AOF). */
  static async start(options: { readonly dir?: string; readonly persist?: boolean } = {}): Promise<RedisServerProcess> {
    const port = await freePort();
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--protected-mode', 'no'];
    if (options.dir !== undefined) args.push('--dir', options.dir);
    args.push('--appendonly', options.persist === true ? 'yes' : 'no');
    const server = new RedisServerProcess(port, args);
    await server.restart();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** (Re)starts the server on the same port; resolves once it accepts commands. */
  async restart(): Promise<void> {
    if (this.#child !== undefined) throw new Error('redis-server is already running');
    const child = spawn('redis-server', this.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.#child = child;
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const deadline = Date.now() + 10_000;
    while (!/Ready to accept connections/.test(output)) {
      if (child.exitCode !== null || Date.now() > deadline) {
        this.#child = undefined;
        child.kill('SIGKILL');
        throw new Error(`redis-server did not start on port ${this.port}: ${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Freezes (SIGSTOP) or thaws (SIGCONT) the server: connected, but not answering. */
  freeze(frozen: boolean): void {
    this.#child?.kill(frozen ? 'SIGSTOP' : 'SIGCONT');
  }

  /** Stops the server (SIGTERM: a clean shutdown that flushes the AOF; SIGKILL: a crash). */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.#child;
    if (child === undefined) return;
    this.#child = undefined;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}
