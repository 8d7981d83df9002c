/**
 * @module test/support/tokens
 * Tokens for guarded-route tests: real ones from the container's issuer, and
 * hand-built bad ones signed with the server's own key.
 */
import type { Container } from 'inversify';
import { SignJWT, type JWTPayload } from 'jose';
import { TYPES } from '../../src/identifiers.js';
import { signJwt } from '../../src/tokens/signJwt.js';

/** A token from the server's own issuer (audited, like any mint). */
export async function mintToken(container: Container, role: string, sub = `${role}-caller`, ttlSeconds = 3600): Promise<string> {
  const minted = await container.get(TYPES.TokenIssuer).mint({ sub, role, ttlSeconds, kind: 'service' });
  return minted.token;
}

/** A token signed with the server's current key, with claims of the test's choosing. */
export async function signWithServerKey(container: Container, claims: JWTPayload): Promise<string> {
  const key = await container.get(TYPES.KeyStore).signingKey();
  return signJwt(claims, key);
}

/** Claims that would pass, at `nowMs`, for the test app's issuer and audience. */
export function goodClaims(nowMs: number, overrides: JWTPayload = {}): JWTPayload {
  const iat = Math.floor(nowMs / 1000);
  return {
    sub: 'someone',
    role: 'operator',
    iss: 'http://issuer.test',
    aud: 'pico-test',
    iat,
    exp: iat + 600,
    jti: `jti-${Math.random().toString(36).slice(2)}`,
    ...overrides,
  };
}

/** An unsigned token (`alg: none`) naming the server's kid. */
export function unsignedToken(kid: string, claims: JWTPayload): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', kid, typ: 'JWT' })}.${part(claims)}.`;
}

/** HS256 with the server's public key as the HMAC secret: the classic algorithm confusion. */
export async function hmacWithPublicKey(kid: string, publicPem: string, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid, typ: 'JWT' }).sign(new TextEncoder().encode(publicPem));
}

export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });
