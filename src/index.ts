/**
 * @module pico-server-auth
 * Public API: an explicit list of named exports.
 */
import 'reflect-metadata';

export { TYPES } from './identifiers.js';
export { serverAuthModule, buildStandaloneApp } from './module.js';
export { init, discoveryEnabled } from './boot/init.js';
export type { InitOptions } from './boot/init.js';
export { MANIFEST_FIELD } from './boot/manifest.js';
export type { ManifestEntry } from './boot/manifest.js';
export { loadConfig } from './config/loadConfig.js';
export type { PicoConfig, ServerAuthSettings, ServerSettings, TokenAlgorithm } from './config/ServerAuthSettings.js';

export { AuthServerError } from './errors/AuthServerError.js';
export type { AuthServerErrorOptions } from './errors/AuthServerError.js';
export {
  AddressMismatch,
  Forbidden,
  InvalidChallenge,
  InvalidCredentials,
  InvalidRequest,
  InvalidSignature,
  InvalidToken,
  NotFound,
  PayloadTooLarge,
  ServiceUnavailable,
  Unauthorized,
  UnsupportedAlgorithm,
} from './errors/errors.js';
export type { AuthServerErrors } from './errors/errors.js';
export { BootError } from './errors/BootError.js';
export { ConfigError } from './errors/ConfigError.js';

export { AUTH_BASE_PATH } from './http/authBasePath.js';
export { authControllers } from './http/controllers/authControllers.js';
export { authErrorHandler, errorMiddleware, notFoundHandler } from './http/errorMiddleware.js';
export { jsonBody } from './http/jsonBody.js';
export { toProblem } from './http/toProblem.js';
export type { Problem } from './http/toProblem.js';

export type { ChallengeStore } from './stores/ChallengeStore.js';
export type { KeyStore, SigningKey } from './stores/KeyStore.js';
export { MemoryChallengeStore } from './stores/memory/MemoryChallengeStore.js';
export type { MemoryChallengeStoreOptions } from './stores/memory/MemoryChallengeStore.js';
export { MemoryKeyStore } from './stores/memory/MemoryKeyStore.js';

export type { JwkSet, SessionSubject, TokenIssuer, TokenPair } from './tokens/TokenIssuer.js';
export type { ChallengeResponse, SignInResponse, SignInService } from './services/SignInService.js';
export type { LoginService } from './services/LoginService.js';
export type { WalletVerifier } from './wallet/WalletVerifier.js';
export type { WalletScheme } from './wallet/WalletScheme.js';
export { WALLET_ALGORITHMS } from './wallet/WalletAlgorithm.js';
export type { WalletAlgorithm } from './wallet/WalletAlgorithm.js';
export type { Clock } from './time/Clock.js';
export { systemClock } from './time/Clock.js';
export type { Logger } from './logging/Logger.js';
export { consoleLogger } from './logging/Logger.js';
