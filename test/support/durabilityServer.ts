/**
 * @module test/support/durabilityServer
 * The real CLI (`dist/src/cli/main.js serve`) as a child process for the
 * durability test: start it, wait (bounded) for its `listening on` line, talk
 * JSON to it with a per-request timeout, and kill it without warning.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// dist/test/support -> project root.
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const MAIN = join(projectRoot, 'dist', 'src', 'cli', 'main.js');
const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;
export const START_TIMEOUT_MS = 20_000;
export const STOP_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 10_000;

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly output: { stdout: string; stderr: string };
  /** Settles with the exit code, or the signal name when killed by one. */
  readonly exited: Promise<number | string | null>;
}

export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Starts `serve --config configFile`; discovery stays on, as a user's server would run. */
export function startServer(configFile: string): ServerProcess {
  const env = { ...process.env };
  delete env['PICO_BOOT_AUTO_PLUGINS'];
  delete env['PICO_PORT'];
  const child = spawn(process.execPath, [MAIN, 'serve', '--config', configFile], {
    cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
  const exited = new Promise<number | string | null>((settle) => child.once('exit', (code, signal) => settle(code ?? signal)));
  return { child, output, exited };
}

/** Resolves with the announced base URL; rejects if the process exits first or the wait runs out. */
export function listening(server: ServerProcess): Promise<string> {
  const announced = new Promise<string>((ready, fail) => {
    const check = (): void => {
      const match = LISTENING.exec(server.output.stdout);
      if (match !== null) ready(match[1]!);
    };
    server.child.stdout!.on('data', check);
    check();
    void server.exited.then((code) => fail(new Error(`exited (${String(code)}) before listening: ${server.output.stderr}`)));
  });
  return within(announced, START_TIMEOUT_MS, 'the "listening on" line');
}

export function isRunning(server: ServerProcess): boolean {
  return server.child.exitCode === null && server.child.signalCode === null;
}

/** SIGKILL: no shutdown hook runs, exactly like a crash or an OOM kill. */
export async function killHard(server: ServerProcess): Promise<void> {
  if (isRunning(server)) server.child.kill('SIGKILL');
  await within(server.exited, STOP_TIMEOUT_MS, 'the killed server to exit');
}

export interface JsonResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export async function requestJson(
  method: 'GET' | 'POST',
  url: string,
  options: { body?: unknown; bearer?: string; headers?: Record<string, string> } = {},
): Promise<JsonResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.bearer !== undefined) headers['authorization'] = `Bearer ${options.bearer}`;
  const res = await fetch(url, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
