/**
 * @module config/checks
 * Cross-field rules JSON Schema cannot express. Each check throws a
 * ConfigError whose message starts with the dotted option path; they run on
 * a document the schema has already validated and defaulted.
 */
import { ConfigError } from '../errors/ConfigError.js';
import type { PicoConfig } from './ServerAuthSettings.js';
import { DEFAULT_ADMIN_PASSWORD } from './schema.js';

/**
 * CONTRACT.md section 4: `auto_create_admin: true` with the well-known default
 * password (or none) would open /login to anyone, so it needs an explicit
 * `development: true`.
 */
export function checkAdminPassword(config: PicoConfig): void {
  const { auto_create_admin, admin_password, development } = config.server_auth;
  if (!auto_create_admin || development) return;
  if (admin_password === DEFAULT_ADMIN_PASSWORD) {
    throw new ConfigError(
      'server_auth.admin_password: the default password is refused unless server_auth.development is true',
    );
  }
  if (admin_password === '') {
    throw new ConfigError(
      'server_auth.admin_password: an empty password is refused unless server_auth.development is true',
    );
  }
}

/** Bytes of entropy a fleet secret needs at least: it mints tokens for a year by default. */
export const FLEET_SECRET_MIN_BYTES = 32;

/** A short fleet secret can be guessed, and whoever holds it mints agent tokens: refuse it. */
export function checkFleetSecret(config: PicoConfig): void {
  const secret = config.server_auth.fleet_mint_secret;
  const bytes = Buffer.byteLength(secret, 'utf8');
  if (secret !== '' && bytes < FLEET_SECRET_MIN_BYTES) {
    throw new ConfigError(
      `server_auth.fleet_mint_secret: must be at least ${FLEET_SECRET_MIN_BYTES} bytes (got ${bytes}); ` +
        'e.g. openssl rand -hex 32, or empty to disable /fleet/sessions',
    );
  }
}

/** The default fleet token lifetime must not exceed the ceiling it is clamped to. */
export function checkFleetTtl(config: PicoConfig): void {
  const { fleet_session_ttl_seconds: ttl, fleet_max_ttl_seconds: max } = config.server_auth;
  if (ttl > max) {
    throw new ConfigError(
      `server_auth.fleet_session_ttl_seconds: must be <= server_auth.fleet_max_ttl_seconds (${ttl} > ${max})`,
    );
  }
}

/**
 * A new key must be in every validator's copy of the JWKS before it signs
 * (issue 4): a validator may hold a copy for `jwks_max_age_seconds`, and the
 * copy it fetched from another instance may predate that instance's next
 * re-read of the key directory by up to `key_refresh_seconds`.
 */
export function checkKeyPublishLead(config: PicoConfig): void {
  const { key_publish_lead_seconds: lead, jwks_max_age_seconds: maxAge, key_refresh_seconds: refresh } =
    config.server_auth;
  if (lead < maxAge + refresh) {
    throw new ConfigError(
      `server_auth.key_publish_lead_seconds: must be >= server_auth.jwks_max_age_seconds + ` +
        `server_auth.key_refresh_seconds (${lead} < ${maxAge} + ${refresh})`,
    );
  }
}

/** Keys in Redis need a Redis: silently keeping them in memory would make every restart a new key. */
export function checkRedisKeyStore(config: PicoConfig): void {
  if (config.redis.key_store && config.redis.url === '') {
    throw new ConfigError('redis.key_store: needs redis.url (empty keeps the keys in server_auth.key_directory)');
  }
}

const CHECKS: readonly ((config: PicoConfig) => void)[] = [
  checkAdminPassword,
  checkFleetSecret,
  checkFleetTtl,
  checkKeyPublishLead,
  checkRedisKeyStore,
];

/**
 * Runs every check and reports all failures at once: one ConfigError whose
 * message has one line per problem, each starting with the option path.
 */
export function runChecks(config: PicoConfig): void {
  const problems: string[] = [];
  for (const check of CHECKS) {
    try {
      check(config);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
}
