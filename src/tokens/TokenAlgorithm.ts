/**
 * @module tokens/TokenAlgorithm
 * The JWS algorithms this server can sign tokens with (`server_auth.algorithm`).
 * RS256, ES256 and EdDSA are signed and verified by jose; ML-DSA-65 (RFC 9964)
 * by our own compact JWS on @noble/post-quantum, which jose cannot do on Node 20.
 */
export const TOKEN_ALGORITHMS = ['RS256', 'ES256', 'EdDSA', 'ML-DSA-65'] as const;

export type TokenAlgorithm = (typeof TOKEN_ALGORITHMS)[number];

/** The algorithms jose signs and verifies for us. */
export type JoseTokenAlgorithm = Exclude<TokenAlgorithm, 'ML-DSA-65'>;

export function isTokenAlgorithm(value: unknown): value is TokenAlgorithm {
  return typeof value === 'string' && (TOKEN_ALGORITHMS as readonly string[]).includes(value);
}
