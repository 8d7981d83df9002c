/** Overlay for the challenge feature: a distinctive TTL so the response echo is checked. */
export const challengeConfig = { challenge_ttl_seconds: 42 } as const;
