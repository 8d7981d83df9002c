/**
 * @module test/support/keyStores
 * Key stores for the signing-key specs: a file store on a fresh temporary
 * directory with a FakeClock, and tokens signed and verified through the same
 * seams the server uses (`signJwt`, `verifyJwt`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { KeyPolicy } from '../../src/keys/keyPolicy.js';
import { FileKeyStore } from '../../src/stores/file/FileKeyStore.js';
import type { KeyStore } from '../../src/stores/KeyStore.js';
import { signJwt } from '../../src/tokens/signJwt.js';
import { verifyJwt, type VerifiedClaims } from '../../src/tokens/verifyJwt.js';
import type { FakeClock } from './FakeClock.js';
import { RecordingLogger } from './RecordingLogger.js';

export const ISSUER = 'http://issuer.test';
export const AUDIENCE = 'pico-test';
/** Token lifetime used by `tokenFrom`; shorter than the test policy's window. */
export const TOKEN_TTL_SECONDS = 3000;

export function tempKeyDirectory(): string {
  return join(mkdtempSync(join(tmpdir(), 'pico-keys-')), 'keys');
}

/** Removes a directory made by `tempKeyDirectory`, with its parent. */
export function removeKeyDirectory(directory: string): void {
  rmSync(dirname(directory), { recursive: true, force: true });
}

export function testPolicy(overrides: Partial<KeyPolicy> = {}): KeyPolicy {
  return { algorithm: 'RS256', publishLeadSeconds: 600, retireAfterSeconds: 3600, refreshSeconds: 10, ...overrides };
}

export function fileStore(
  directory: string,
  clock: FakeClock,
  overrides: Partial<KeyPolicy> = {},
  logger = new RecordingLogger(),
): FileKeyStore {
  return new FileKeyStore({ directory, policy: testPolicy(overrides), clock, logger });
}

/** A token signed with the store's current signing key, valid for TOKEN_TTL_SECONDS. */
export async function tokenFrom(store: KeyStore, clock: FakeClock, sub = 'someone'): Promise<string> {
  const iat = Math.floor(clock.now() / 1000);
  const claims = { sub, role: 'wallet', iss: ISSUER, aud: AUDIENCE, iat, exp: iat + TOKEN_TTL_SECONDS, jti: `jti-${sub}-${iat}` };
  return signJwt(claims, await store.signingKey());
}

export async function verifyWith(store: KeyStore, clock: FakeClock, token: string): Promise<VerifiedClaims> {
  return verifyJwt(token, await store.verificationKeys(), { issuer: ISSUER, audience: AUDIENCE, now: clock.now() });
}

/** The `kid` in a compact token's header. */
export function kidOf(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as { kid: string }).kid;
}
