/**
 * @module validator
 * `pico-server-auth/validator`: verify this server's access tokens in another
 * service (Node 20+), with no Express or Inversify of ours loaded. See the
 * README section "Validating tokens in your services".
 */
export { createValidator } from './createValidator.js';
export { AUTH_LOCALS_KEY, bearerToken } from './requireAuth.js';
export {
  ForbiddenError,
  InvalidTokenError,
  ValidatorError,
  ValidatorUnavailableError,
  type InvalidTokenReason,
  type UnavailableReason,
  type ValidatorErrors,
} from './ValidatorError.js';
export {
  DEFAULT_JWKS_COOLDOWN_SECONDS,
  DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  DEFAULT_POLL_INTERVAL_SECONDS,
  type RevocationOptions,
  type ValidatorFetch,
  type ValidatorOptions,
} from './ValidatorOptions.js';
export { VALIDATOR_ALGORITHMS, type ValidatorAlgorithm } from './verificationKey.js';
export type { MlDsa65EngineChoice } from './mlDsa65Verifier.js';
export type { AccessClaims } from './AccessClaims.js';
export type { RequireAuthOptions, Validator } from './Validator.js';
