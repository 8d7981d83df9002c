/** Overlay for wallet sign-in: every algorithm enabled, a short challenge TTL for expiry tests. */
export const signInConfig = {
  supported_wallet_algorithms: ['ML-DSA-65', 'Ed25519', 'secp256k1'],
  challenge_ttl_seconds: 30,
} as const;
