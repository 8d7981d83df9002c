/**
 * @module config/schema
 * JSON Schema (draft-07, compiled by Ajv) of a whole configuration file. It is
 * the source of truth for keys, types, ranges, defaults and descriptions; the
 * table in CONTRACT.md section 4 documents the same defaults.
 */
// The one import outside errors/: a leaf of names that imports nothing.
import { DEFAULT_WALLET_ALGORITHMS, TOKEN_ALGORITHMS, WALLET_ALGORITHMS } from '../algorithms/names.js';
import { rateLimitsSchema, trustedProxiesSchema } from './rateLimitsSchema.js';

/** Ten years in seconds: the ceiling for fleet token lifetimes. */
const TEN_YEARS_SECONDS = 10 * 365 * 86_400;

const serverAuthSchema = {
  type: 'object',
  description: 'Token issuing, wallet login, admin bootstrap, fleet minting and stores.',
  default: {},
  additionalProperties: false,
  properties: {
    issuer: {
      type: 'string',
      // No `format`: issuers such as http://localhost:8100 are fine, but the
      // value must be an http(s) URL because validators derive the JWKS URL from it.
      pattern: '^https?://\\S+$',
      minLength: 1,
      description: '`iss` claim of every token; must start with http:// or https://.',
      default: 'http://localhost:8100',
    },
    audience: { type: 'string', minLength: 1, description: '`aud` claim of every token.', default: 'pico' },
    algorithm: {
      type: 'string',
      enum: [...TOKEN_ALGORITHMS],
      description: 'Token signing algorithm; changing it rotates to a key of the new algorithm.',
      default: 'RS256',
    },
    key_directory: {
      type: 'string',
      description:
        'Directory of the signing key files (created 0700, files 0600); relative to the working directory. ' +
        'Empty keeps one key in memory: tokens stop validating on restart.',
      default: '',
    },
    key_publish_lead_seconds: {
      type: 'integer', minimum: 0, maximum: 30 * 86_400,
      description: 'How long a new key is published in the JWKS before it signs; >= jwks_max_age_seconds + key_refresh_seconds.',
      default: 600,
    },
    key_refresh_seconds: {
      type: 'integer', minimum: 1, maximum: 3600,
      description: 'How often a server re-lists key_directory to pick up keys another instance or the CLI added.',
      default: 10,
    },
    key_retire_grace_seconds: {
      type: 'integer', minimum: 0, maximum: 86_400,
      description: 'Clock skew allowance: a retired key leaves the JWKS this long after its last token expires.',
      default: 300,
    },
    jwks_max_age_seconds: {
      type: 'integer', minimum: 0, maximum: 86_400,
      description: 'Cache-Control max-age of the JWKS and discovery document.',
      default: 300,
    },
    access_token_expire_minutes: {
      type: 'integer', minimum: 1, maximum: 1440, description: 'Access token lifetime in minutes.', default: 15,
    },
    refresh_token_expire_days: {
      type: 'integer', minimum: 1, maximum: 365, description: 'Refresh token lifetime in days.', default: 7,
    },
    challenge_ttl_seconds: {
      type: 'integer', minimum: 1, maximum: 3600, description: 'Wallet challenge lifetime in seconds.', default: 60,
    },
    challenge_max_pending: {
      type: 'integer', minimum: 1, maximum: 10_000_000, description: 'Bound on pending challenges.', default: 100_000,
    },
    supported_wallet_algorithms: {
      type: 'array',
      items: { type: 'string', enum: [...WALLET_ALGORITHMS] },
      minItems: 1,
      uniqueItems: true,
      description: 'Wallet signature schemes accepted by /sign-in; the default is every scheme enabled by default.',
      default: [...DEFAULT_WALLET_ALGORITHMS],
    },
    wallet_verify_path: {
      type: 'string',
      enum: ['threadPool', 'workers', 'reference'],
      description:
        'Where wallet signatures are verified: threadPool (each scheme on its fast path: OpenSSL on the libuv ' +
        'thread pool, ML-DSA-65 on the crypto workers), workers (every scheme on the crypto workers), reference ' +
        '(the pure-JS reference on the event loop; for comparisons).',
      default: 'threadPool',
    },
    ml_dsa_engine: {
      type: 'string',
      enum: ['auto', 'noble'],
      description:
        'ML-DSA-65 wallet verification engine on the crypto workers: auto (liboqs WASM when @oqs/liboqs-js is ' +
        'installed and passes its self-test, else @noble/post-quantum), noble (always @noble/post-quantum).',
      default: 'auto',
    },
    auto_create_admin: {
      type: 'boolean', description: 'Enables /login with the bootstrap admin credentials.', default: false,
    },
    admin_email: { type: 'string', description: 'Bootstrap admin email.', default: 'admin@pico.local' },
    admin_password: {
      type: 'string',
      description: 'Bootstrap admin password; the default is refused unless `development` is true.',
      default: 'admin',
    },
    admin_role: {
      type: 'string', minLength: 1, description: 'Role of password-login tokens; the operator role.', default: 'operator',
    },
    development: {
      type: 'boolean',
      description: 'Allows auto_create_admin with the default password; for local development only.',
      default: false,
    },
    fleet_mint_secret: {
      type: 'string', description: 'X-Fleet-Secret for /fleet/sessions; empty disables the endpoint.', default: '',
    },
    fleet_allowed_roles: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Roles a fleet mint may carry.',
      default: ['agent'],
    },
    fleet_session_ttl_seconds: {
      type: 'integer', minimum: 60, maximum: TEN_YEARS_SECONDS,
      description: 'Default fleet token lifetime in seconds.', default: 86_400,
    },
    fleet_max_ttl_seconds: {
      type: 'integer', minimum: 60, maximum: TEN_YEARS_SECONDS,
      description: 'Ceiling for fleet token lifetimes in seconds.', default: 31_536_000,
    },
    service_token_max_ttl_seconds: {
      type: 'integer', minimum: 60, maximum: TEN_YEARS_SECONDS,
      description:
        'Ceiling for `pico-server-auth mint --ttl` in seconds. Retired signing keys stay published at least this ' +
        'long, so no service token outlives its key.',
      default: 31_536_000,
    },
    revocation_store_path: {
      type: 'string', description: 'JSON Lines denylist file; empty keeps it in memory.', default: '',
    },
    mint_audit_path: {
      type: 'string', description: 'JSON Lines mint audit file; empty keeps it in memory.', default: '',
    },
    token_family_store_path: {
      type: 'string',
      description: 'JSON Lines file of refresh-token rotation state (used refresh tokens, families); empty keeps it in memory.',
      default: '',
    },
    mint_audit_min_ttl_seconds: {
      type: 'integer', minimum: 0, description: 'Mints shorter-lived than this are not audited.', default: 300,
    },
    mint_audit_max_in_memory: {
      type: 'integer', minimum: 1, maximum: 10_000_000,
      description: 'Audit entries kept in memory.', default: 5000,
    },
    rate_limits: rateLimitsSchema,
    trusted_proxies: trustedProxiesSchema,
  },
} as const;

const serverSchema = {
  type: 'object',
  description: 'The standalone HTTP listener.',
  default: {},
  additionalProperties: false,
  properties: {
    host: { type: 'string', minLength: 1, description: 'Address to listen on.', default: '127.0.0.1' },
    port: {
      type: 'integer', minimum: 0, maximum: 65_535, description: 'TCP port; 0 picks a free port.', default: 8100,
    },
  },
} as const;

const redisSchema = {
  type: 'object',
  description:
    'Shared stores for several instances: challenges, revocations, mint audit and refresh rotation live in Redis ' +
    'when url is set (the *_path store settings are then unused); the signing keys too with key_store.',
  default: {},
  additionalProperties: false,
  properties: {
    url: {
      type: 'string',
      pattern: '^(rediss?://\\S+)?$',
      description: 'redis:// or rediss:// (TLS) URL, credentials and db included; empty keeps the stores in this process.',
      default: '',
    },
    key_prefix: {
      type: 'string', minLength: 1, description: 'Prefix of every key, so deployments can share one Redis.', default: 'pico-auth:',
    },
    connect_timeout_ms: {
      type: 'integer', minimum: 100, maximum: 600_000,
      description: 'Startup fails when Redis does not answer within this many milliseconds.', default: 5000,
    },
    command_timeout_ms: {
      type: 'integer', minimum: 10, maximum: 60_000,
      description: 'A store call Redis does not answer within this many milliseconds answers 503.', default: 2000,
    },
    key_store: {
      type: 'boolean',
      description:
        'Keep the signing keys (private keys included) in Redis too, shared by every instance without a shared ' +
        'key_directory; false keeps them in server_auth.key_directory.',
      default: false,
    },
  },
} as const;

/** Schema of a whole configuration file: `{ server_auth, server, redis }`. */
export const configSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  // No `default` here: Ajv (strict) ignores one at the root; loadConfig
  // supplies `{}` for an empty file.
  description: 'pico-server-auth configuration file.',
  additionalProperties: false,
  properties: {
    server_auth: serverAuthSchema,
    server: serverSchema,
    redis: redisSchema,
  },
} as const;

/** The default bootstrap password, refused outside development (see checks.ts). */
export const DEFAULT_ADMIN_PASSWORD: string = serverAuthSchema.properties.admin_password.default;
