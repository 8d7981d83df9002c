/**
 * @module bench/validator/verifyCost
 * `node dist/bench/validator/verifyCost.js [iterations]`: the CPU cost of one
 * `validator.verify()` per algorithm, run by hand (not a timed test). Tokens
 * are signed locally and the JWKS is served by an in-process `fetch`, so only
 * the validator's work is measured: parse, key lookup, signature, claims.
 * Each token is verified sequentially on one thread; the figure is wall time
 * per call after a warm-up, with the signature cache off (every call checks
 * the signature) except in the two "same token again" rows.
 */
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { createValidator, type Validator } from '../../src/validator/index.js';

const ISSUER = 'https://auth.example.com';
const AUDIENCE = 'bench-api';
const iterations = Number(process.argv[2] ?? 2000);
const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function claims(): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: ISSUER, aud: AUDIENCE, sub: 'bench', jti: `jti-${Math.random()}`, iat: now, exp: now + 900, role: 'wallet' };
}

async function joseToken(alg: 'RS256' | 'ES256' | 'EdDSA'): Promise<{ jwk: JWK; token: string }> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: `kid-${alg}`, alg, use: 'sig' };
  const token = await new SignJWT(claims()).setProtectedHeader({ alg, kid: jwk.kid, typ: 'JWT' }).sign(privateKey);
  return { jwk, token };
}

function mlDsaToken(): { jwk: JWK; token: string } {
  const { publicKey, secretKey } = ml_dsa65.keygen(new Uint8Array(32).fill(7));
  const input = `${encode({ alg: 'ML-DSA-65', kid: 'kid-ML-DSA-65', typ: 'JWT' })}.${encode(claims())}`;
  const signature = ml_dsa65.sign(new TextEncoder().encode(input), secretKey, { context: new Uint8Array(0) });
  const jwk = { kty: 'AKP', alg: 'ML-DSA-65', pub: Buffer.from(publicKey).toString('base64url'), kid: 'kid-ML-DSA-65', use: 'sig' } as JWK;
  return { jwk, token: `${input}.${Buffer.from(signature).toString('base64url')}` };
}

async function main(): Promise<void> {
  const cases = [
    ['RS256', await joseToken('RS256')],
    ['ES256', await joseToken('ES256')],
    ['EdDSA', await joseToken('EdDSA')],
    ['ML-DSA-65', mlDsaToken()],
  ] as const;
  const jwks = JSON.stringify({ keys: cases.map(([, { jwk }]) => jwk) });
  const validator = (mlDsa65Engine: 'auto' | 'noble', signatureCacheSize = 0): Validator =>
    createValidator({
      issuer: ISSUER,
      audience: AUDIENCE,
      jwksUrl: `${ISSUER}/jwks`,
      mlDsa65Engine,
      signatureCacheSize,
      fetch: async () => new Response(jwks, { headers: { 'cache-control': 'max-age=3600', etag: '"bench"' } }),
    });
  const noble = validator('noble');
  const auto = validator('auto');
  const cached = validator('noble', 10_000);
  console.log(`node ${process.version}, ${iterations} sequential verify() calls per row`);
  const rows: [string, Validator, string][] = [
    ...cases.map(([alg, { token }]): [string, Validator, string] => [alg, noble, token]),
    ['ML-DSA-65 (auto: liboqs if installed)', auto, cases[3][1].token],
    ['RS256, same token again (cached sig)', cached, cases[0][1].token],
    ['ML-DSA-65, same token again (cached)', cached, cases[3][1].token],
  ];
  for (const [name, subject, token] of rows) {
    for (let i = 0; i < Math.min(200, iterations); i++) await subject.verify(token);
    const started = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) await subject.verify(token);
    const microseconds = Number(process.hrtime.bigint() - started) / 1000 / iterations;
    console.log(`${name.padEnd(38)} ${microseconds.toFixed(1).padStart(8)} µs/verify  ${Math.round(1e6 / microseconds).toString().padStart(7)} verify/s`);
  }
  await Promise.all([noble.close(), auto.close(), cached.close()]);
}

await main();
