/** Overlay for wallet sign-in: every algorithm enabled, a short challenge TTL for expiry tests. */
export const signInConfig = {
  supported_wallet_algorithms: ['ML-DSA-65', 'Ed25519', 'secp256k1'],
  challenge_ttl_seconds: 30,
  // These specs race and repeat sign-ins for one address on purpose; the limits have their own spec.
  rate_limits: { sign_in: { per_account: { points: 1000, window_seconds: 60 } } },
} as const;
