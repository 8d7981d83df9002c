/**
 * @module bench/crypto/primitives
 * The fastest implementation available here of each primitive one sign-in
 * needs, as a synchronous function over fixed inputs, each cross-checked
 * against an independent implementation before it is timed:
 * - wallet verify, from the raw bytes a client sends (so key import counts):
 *   OpenSSL (node:crypto) for Ed25519 and secp256k1, the liboqs WASM build
 *   (else @noble) for ML-DSA-65;
 * - RS256: RSASSA-PKCS1-v1_5 SHA-256 with a 2048-bit key through OpenSSL,
 *   over a JWS signing input of realistic size.
 */
import { createPublicKey, generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { jwtVerify } from 'jose';
import type { BenchAlgorithm } from '../benchAlgorithms.js';
import { loadMlDsa65Engine } from '../../src/crypto/mlDsa65Engines.js';

export type Op = () => void;

export interface Primitive {
  readonly name: string;
  /** Which library does the work. */
  readonly implementation: string;
  readonly op: Op;
}

const MESSAGE = new TextEncoder().encode('7f'.repeat(32)); // a challenge: 64 hex characters

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`cross-check failed: ${what}`);
}

function flipped(bytes: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[copy.length - 1] = (copy[copy.length - 1] as number) ^ 1;
  return copy;
}

/** secp256k1 SPKI prefix (RFC 5480: id-ecPublicKey, secp256k1) for a 33-byte point. */
export function secp256k1Spki(point: Uint8Array): Buffer {
  const algorithm = Buffer.from('301006072a8648ce3d020106052b8104000a', 'hex');
  const bitString = Buffer.concat([Buffer.from([0x03, point.length + 1, 0x00]), point]);
  const body = Buffer.concat([algorithm, bitString]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

function ed25519Verify(): Primitive {
  const secret = new Uint8Array(32).fill(3);
  const publicKey = ed25519.getPublicKey(secret);
  const signature = ed25519.sign(MESSAGE, secret); // signed by noble, verified by OpenSSL
  const run = (sig: Uint8Array): boolean => {
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
      format: 'jwk',
    });
    return verify(null, MESSAGE, key, sig);
  };
  check(run(signature) && !run(flipped(signature)), 'Ed25519 OpenSSL vs noble');
  return { name: 'verify Ed25519', implementation: 'OpenSSL', op: () => void run(signature) };
}

function secp256k1Verify(): Primitive {
  const secret = new Uint8Array(32).fill(5);
  const publicKey = secp256k1.getPublicKey(secret, true);
  const signature = secp256k1.sign(MESSAGE, secret, { prehash: true, format: 'der' });
  const run = (sig: Uint8Array): boolean => {
    const key = createPublicKey({ key: secp256k1Spki(publicKey), format: 'der', type: 'spki' });
    return verify('sha256', MESSAGE, key, sig);
  };
  check(run(signature) && !run(flipped(signature)), 'secp256k1 OpenSSL vs noble');
  return { name: 'verify secp256k1', implementation: 'OpenSSL', op: () => void run(signature) };
}

async function mlDsa65Verify(engineName?: string): Promise<Primitive> {
  const engine = await loadMlDsa65Engine(engineName);
  const { publicKey, secretKey } = ml_dsa65.keygen(new Uint8Array(32).fill(7));
  const signature = ml_dsa65.sign(MESSAGE, secretKey); // signed by noble
  check(
    engine.verify(publicKey, MESSAGE, signature) && !engine.verify(publicKey, MESSAGE, flipped(signature)),
    `ML-DSA-65 ${engine.name} vs noble`,
  );
  return {
    name: 'verify ML-DSA-65',
    implementation: engine.name === 'liboqs' ? 'liboqs WASM' : '@noble/post-quantum',
    op: () => void engine.verify(publicKey, MESSAGE, signature),
  };
}

export async function walletVerify(algorithm: BenchAlgorithm, engine?: string): Promise<Primitive> {
  switch (algorithm) {
    case 'Ed25519':
      return ed25519Verify();
    case 'secp256k1':
      return secp256k1Verify();
    case 'ML-DSA-65':
      return mlDsa65Verify(engine);
  }
}

/** A JWS signing input the size of our access tokens (header.payload, ~330 bytes). */
function signingInput(): Buffer {
  const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = b64({ alg: 'RS256', kid: 'x'.repeat(43), typ: 'JWT' });
  const payload = b64({
    sub: 'ab'.repeat(32), role: 'wallet', algorithm: 'Ed25519', wallet_address: 'ab'.repeat(32),
    iss: 'http://localhost:8100', aud: 'pico', iat: 1_700_000_000, exp: 1_700_000_900, jti: randomUUID(),
  });
  return Buffer.from(`${header}.${payload}`);
}

/** RS256 with a parsed KeyObject; cross-checked by jose (WebCrypto) verifying the token. */
export async function rs256Sign(): Promise<Primitive> {
  const { privateKey, publicKey }: { privateKey: KeyObject; publicKey: KeyObject } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
  });
  const input = signingInput();
  const token = `${input.toString()}.${sign('sha256', input, privateKey).toString('base64url')}`;
  const { payload } = await jwtVerify(token, publicKey, { algorithms: ['RS256'], currentDate: new Date(1_700_000_100_000) });
  check(payload.role === 'wallet', 'RS256 OpenSSL vs jose');
  return { name: 'sign RS256', implementation: 'OpenSSL', op: () => void sign('sha256', input, privateKey) };
}

/** One sign-in's crypto as a single op: verify the wallet signature, sign two tokens. */
export function combined(walletOp: Op, rs256: Op): Op {
  return () => {
    walletOp();
    rs256();
    rs256();
  };
}
