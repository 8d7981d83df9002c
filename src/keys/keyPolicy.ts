/**
 * @module keys/keyPolicy
 * The key-rotation numbers a key store needs, derived from the settings.
 *
 * Retirement window: a retired key stays in the JWKS until every token it can
 * have signed has expired, i.e. for the longest lifetime any token of ours can
 * have, plus `key_retire_grace_seconds` for clock skew between this server and
 * validators. A new kind of token with a longer lifetime must be added here.
 */
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';
import type { TokenAlgorithm } from '../tokens/TokenAlgorithm.js';

export interface KeyPolicy {
  /** Algorithm of new keys; a store whose newest key has another one rotates. */
  readonly algorithm: TokenAlgorithm;
  /** Seconds a new key is published before it signs. */
  readonly publishLeadSeconds: number;
  /** Seconds a retired key stays published after its successor activates. */
  readonly retireAfterSeconds: number;
  /** Seconds between re-reads of shared key storage. */
  readonly refreshSeconds: number;
}

type LifetimeSettings = Pick<
  ServerAuthSettings,
  | 'access_token_expire_minutes'
  | 'refresh_token_expire_days'
  | 'fleet_session_ttl_seconds'
  | 'fleet_max_ttl_seconds'
  | 'service_token_max_ttl_seconds'
>;

/** max(access, refresh, fleet ceiling, CLI service-token ceiling) in seconds. */
export function longestTokenLifetimeSeconds(settings: LifetimeSettings): number {
  return Math.max(
    settings.access_token_expire_minutes * 60,
    settings.refresh_token_expire_days * 86_400,
    settings.fleet_session_ttl_seconds,
    settings.fleet_max_ttl_seconds,
    settings.service_token_max_ttl_seconds,
  );
}

export function keyPolicy(settings: ServerAuthSettings): KeyPolicy {
  return Object.freeze({
    algorithm: settings.algorithm,
    publishLeadSeconds: settings.key_publish_lead_seconds,
    retireAfterSeconds: longestTokenLifetimeSeconds(settings) + settings.key_retire_grace_seconds,
    refreshSeconds: settings.key_refresh_seconds,
  });
}
