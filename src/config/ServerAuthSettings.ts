/**
 * @module config/ServerAuthSettings
 * The shape of a validated configuration file. The JSON Schema in `schema.ts`
 * is the source of truth for defaults and descriptions.
 */
import type { RateLimitSettings } from './RateLimitSettings.js';
import type { TokenAlgorithm, WalletAlgorithm } from '../algorithms/names.js';

export type { TokenAlgorithm };

/** `server_auth.wallet_verify_path`: where wallet signatures are verified. */
export type WalletVerifyPath = 'threadPool' | 'workers' | 'reference';

/** `server_auth.ml_dsa_engine`: the ML-DSA-65 verify engine of the crypto workers. */
export type MlDsaEngineSetting = 'auto' | 'noble';

/** The `server_auth:` section, validated, defaulted and deep-frozen. */
export interface ServerAuthSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly algorithm: TokenAlgorithm;
  /** Signing keys: directory of key files (empty = in memory), rotation and JWKS caching. */
  readonly key_directory: string;
  readonly key_publish_lead_seconds: number;
  readonly key_refresh_seconds: number;
  readonly key_retire_grace_seconds: number;
  readonly jwks_max_age_seconds: number;
  readonly access_token_expire_minutes: number;
  readonly refresh_token_expire_days: number;
  readonly challenge_ttl_seconds: number;
  readonly challenge_max_pending: number;
  readonly supported_wallet_algorithms: readonly WalletAlgorithm[];
  /** Where wallet signatures are verified (default `threadPool`). */
  readonly wallet_verify_path: WalletVerifyPath;
  /** The ML-DSA-65 verify engine of the crypto workers (default `auto`). */
  readonly ml_dsa_engine: MlDsaEngineSetting;
  readonly auto_create_admin: boolean;
  readonly admin_email: string;
  readonly admin_password: string;
  readonly admin_role: string;
  /** Allows `auto_create_admin` with the default password; for local development only. */
  readonly development: boolean;
  readonly fleet_mint_secret: string;
  readonly fleet_allowed_roles: readonly string[];
  readonly fleet_session_ttl_seconds: number;
  readonly fleet_max_ttl_seconds: number;
  readonly service_token_max_ttl_seconds: number;
  readonly revocation_store_path: string;
  readonly mint_audit_path: string;
  readonly token_family_store_path: string;
  readonly mint_audit_min_ttl_seconds: number;
  readonly mint_audit_max_in_memory: number;
  readonly rate_limits: RateLimitSettings;
  /** Proxies (addresses or CIDR ranges) whose `X-Forwarded-For` is believed. */
  readonly trusted_proxies: readonly string[];
}

/** The `server:` section: the standalone listener. */
export interface ServerSettings {
  readonly host: string;
  readonly port: number;
}

/** The `redis:` section: shared stores for several instances (empty `url` = disabled). */
export interface RedisSettings {
  readonly url: string;
  readonly key_prefix: string;
  readonly connect_timeout_ms: number;
  readonly command_timeout_ms: number;
  /** Keep the signing keys in Redis too (private keys then live in Redis); false keeps them in `key_directory`. */
  readonly key_store: boolean;
}

/** A whole validated configuration file. */
export interface PicoConfig {
  readonly server_auth: ServerAuthSettings;
  readonly server: ServerSettings;
  readonly redis: RedisSettings;
}
