/**
 * @module bench/guard/guardUnderTest
 * The guard the bench measures, as Express middleware plus a token it accepts.
 * `realGuard()` is the server's own `BearerGuard` (signature, claims,
 * revocation, role) from a container built like the standalone server's;
 * `joseGuard()` is the stand-in used when that cannot be built: jose
 * `jwtVerify` of an RS256 token against a KeyObject parsed once.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { RequestHandler } from 'express';
import { jwtVerify, SignJWT } from 'jose';

export interface GuardUnderTest {
  readonly name: string;
  readonly middleware: RequestHandler;
  readonly token: string;
}

const ISSUER = 'http://127.0.0.1';
const AUDIENCE = 'pico-bench';

export async function joseGuard(): Promise<GuardUnderTest> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const token = await new SignJWT({ role: 'wallet' })
    .setProtectedHeader({ alg: 'RS256', kid: 'bench', typ: 'JWT' })
    .setSubject('bench').setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('1h').setJti('bench-1')
    .sign(privateKey);
  const middleware: RequestHandler = (req, res, next) => {
    const header = req.headers.authorization ?? '';
    jwtVerify(header.slice('Bearer '.length), publicKey, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['RS256'] }).then(
      ({ payload }) => {
        res.locals['auth'] = payload;
        next();
      },
      () => void res.status(401).json({ detail: 'invalid token' }),
    );
  };
  return { name: 'jose jwtVerify (stand-in)', middleware, token };
}

/** The server's BearerGuard, requiring role `wallet`; undefined if this tree has none. */
export async function realGuard(): Promise<GuardUnderTest | undefined> {
  try {
    const [{ init }, { serverAuthModule }, { TYPES }] = await Promise.all([
      import('../../src/boot/init.js'),
      import('../../src/module.js'),
      import('../../src/identifiers.js'),
    ]);
    const container = await init({
      modules: [serverAuthModule],
      config: { server_auth: { issuer: ISSUER, audience: AUDIENCE } },
      env: { PICO_BOOT_AUTO_PLUGINS: 'false' },
    });
    const ids = TYPES as unknown as Record<string, symbol>;
    if (ids['BearerGuard'] === undefined || !container.isBound(ids['BearerGuard'])) return undefined;
    const guard = container.get<{ require(...roles: string[]): RequestHandler }>(ids['BearerGuard']);
    const issuer = container.get<{ issueSession(s: object): Promise<{ access_token: string }> }>(ids['TokenIssuer']!);
    const { access_token } = await issuer.issueSession({ sub: 'bench', role: 'wallet', claims: {} });
    return { name: 'BearerGuard', middleware: guard.require('wallet'), token: access_token };
  } catch (error) {
    console.error(`bench: real guard unavailable (${String(error)}); using the jose stand-in`);
    return undefined;
  }
}

/** Switch point: the real guard when this tree has one, else the stand-in. */
export async function guardUnderTest(): Promise<GuardUnderTest> {
  return (await realGuard()) ?? (await joseGuard());
}
