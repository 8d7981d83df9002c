/** Overlay for fleet sessions: enabled, two mintable roles, a one-hour ceiling. */
export const fleetConfig = {
  fleet_mint_secret: 'fleet-secret-for-tests-0123456789abcdef',
  fleet_allowed_roles: ['agent', 'probe'],
  fleet_session_ttl_seconds: 1800,
  fleet_max_ttl_seconds: 3600,
} as const;
