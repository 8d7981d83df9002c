/**
 * @module test/support/keyProcesses
 * For the signing-key process tests: a config file pointing servers at one key
 * directory, a wallet sign-in over real HTTP (Ed25519 signed by OpenSSL), a
 * graceful stop, and one-shot runs of `pico-server-auth keys ...`.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { writeServerConfig } from './serverConfig.js';
import { isRunning, requestJson, STOP_TIMEOUT_MS, within, type ServerProcess } from './durabilityServer.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const MAIN = join(projectRoot, 'dist', 'src', 'cli', 'main.js');
const AUTH = '/api/v1/auth';
export const PROCESS_ISSUER = 'http://127.0.0.1';
export const PROCESS_AUDIENCE = 'keys-process-test';

/** Writes `<dir>/<name>` with the key directory and extra `server_auth` keys; port 0. */
export function writeKeysConfig(
  dir: string,
  keyDirectory: string,
  extra: Readonly<Record<string, unknown>> = {},
  name = 'server-auth.yaml',
): string {
  const serverAuth = { issuer: PROCESS_ISSUER, audience: PROCESS_AUDIENCE, key_directory: keyDirectory, ...extra };
  return writeServerConfig(dir, { server_auth: serverAuth }, name);
}

/** Signs in a fresh Ed25519 wallet; resolves with its access token. */
export async function walletAccessToken(base: string): Promise<string> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const address = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
  const challenge = await requestJson('POST', `${base}${AUTH}/challenge`, { body: { address } });
  expect(challenge.status, JSON.stringify(challenge.body)).to.equal(200);
  const nonce = challenge.body['challenge'] as string;
  const signature = sign(null, Buffer.from(nonce, 'utf8'), privateKey).toString('hex');
  const signIn = await requestJson('POST', `${base}${AUTH}/sign-in`, {
    body: { address, public_key: address, signature, challenge: nonce, algorithm: 'Ed25519' },
  });
  expect(signIn.status, JSON.stringify(signIn.body)).to.equal(200);
  return signIn.body['access_token'] as string;
}

/** SIGTERM, then waits for the exit. */
export async function stopServer(server: ServerProcess): Promise<void> {
  if (isRunning(server)) server.child.kill('SIGTERM');
  await within(server.exited, STOP_TIMEOUT_MS, 'the server to exit after SIGTERM');
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/src/cli/main.js ...args` to completion. */
export function runCli(args: readonly string[]): Promise<CliRun> {
  return new Promise((done) => {
    execFile(process.execPath, [MAIN, ...args], { cwd: projectRoot, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      done({ code, stdout, stderr });
    });
  });
}
