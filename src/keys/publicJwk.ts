/**
 * @module keys/publicJwk
 * The public view of a JWK, built by allow-list rather than by deleting
 * private members: a member we do not know of is never published. The
 * members per key type are those RFC 7638 hashes for the thumbprint, as each
 * token algorithm declares them (`jwk` in tokens/algorithms/), plus the JWKS
 * metadata `kid`, `alg` and `use`.
 */
import type { JWK } from 'jose';
import { tokenAlgorithms } from '../tokens/tokenAlgorithms.js';

const KEY_MEMBERS: Readonly<Record<string, readonly string[]>> = Object.freeze(
  Object.fromEntries(Object.values(tokenAlgorithms).map(({ jwk }) => [jwk.kty, jwk.members])),
);

const METADATA = ['kid', 'alg', 'use'] as const;

/** Members that never leave the server (RFC 7518 section 6, RFC 9964): for tests and assertions. */
export const PRIVATE_JWK_MEMBERS: readonly string[] = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k', 'priv', 'seed'];

function pick(jwk: Readonly<JWK>, names: readonly string[]): JWK {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const value = (jwk as Record<string, unknown>)[name];
    if (value !== undefined) out[name] = value;
  }
  return out as JWK;
}

/** The key's thumbprint members only (the input of RFC 7638), or undefined for an unknown `kty`. */
export function thumbprintMembers(jwk: Readonly<JWK>): JWK | undefined {
  const names = jwk.kty === undefined ? undefined : KEY_MEMBERS[jwk.kty];
  return names === undefined ? undefined : pick(jwk, names);
}

/** Thumbprint members plus `kid`, `alg`, `use`; an unknown `kty` yields undefined (never published). */
export function publicJwk(jwk: Readonly<JWK>): JWK | undefined {
  const names = jwk.kty === undefined ? undefined : KEY_MEMBERS[jwk.kty];
  return names === undefined ? undefined : pick(jwk, [...names, ...METADATA]);
}
