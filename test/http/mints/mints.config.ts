/** Overlay for the mint audit: a small in-memory cap, and password login for real sessions. */
export const mintsConfig = {
  mint_audit_min_ttl_seconds: 600,
  mint_audit_max_in_memory: 5,
} as const;
