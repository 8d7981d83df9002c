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
export type {
  MlDsaEngineSetting, PicoConfig, RedisSettings, ServerAuthSettings, ServerSettings, TokenAlgorithm, WalletVerifyPath,
} from './config/ServerAuthSettings.js';

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
  TooManyRequests,
  TokenExpired,
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
export { requestSchemas } from './http/schemas/requestSchemas.js';
export type { RouteSchemas } from './http/schemas/requestSchemas.js';
export { toProblem } from './http/toProblem.js';
export type { Problem } from './http/toProblem.js';

export type { ChallengeStore } from './stores/ChallengeStore.js';
export type {
  JoseSigningKey, KeyStore, KeyStoreDescription, MlDsaSigningKey, RotatingKeyStore, RotationResult, SigningKey,
} from './stores/KeyStore.js';
export { closeStores, connectStores } from './stores/connectStores.js';
export { storeDrivers } from './stores/storeDrivers.js';
export type {
  DefaultStoresModule, SharedStoresModule, StoreConfig, StoreKind, StoresModule, StoreTypes,
} from './stores/StoresModule.js';
export { FileKeyStore } from './stores/file/FileKeyStore.js';
export type { FileKeyStoreOptions } from './stores/file/FileKeyStore.js';
export { keyPolicy } from './keys/keyPolicy.js';
export type { KeyPolicy } from './keys/keyPolicy.js';
export type { KeySchedule, KeyState, KeyStatus, KeyTiming, ScheduledKey } from './keys/scheduleKeys.js';
export { TOKEN_ALGORITHMS } from './tokens/TokenAlgorithm.js';
export { MemoryChallengeStore } from './stores/memory/MemoryChallengeStore.js';
export type { MemoryChallengeStoreOptions } from './stores/memory/MemoryChallengeStore.js';
export { MemoryKeyStore } from './stores/memory/MemoryKeyStore.js';
export type { MemoryKeyStoreOptions } from './stores/memory/MemoryKeyStore.js';
export type { MintAuditStore, MintKind, MintRecord } from './stores/MintAuditStore.js';
export type { RevocationEntry, RevocationStore } from './stores/RevocationStore.js';
export type { FamilyMember, TokenFamilyStore } from './stores/TokenFamilyStore.js';
export { RedisConnection, DEFAULT_KEY_PREFIX } from './stores/redis/RedisConnection.js';
export type { RedisConnectionOptions } from './stores/redis/RedisConnection.js';
export { RedisChallengeStore } from './stores/redis/RedisChallengeStore.js';
export type { RedisChallengeStoreOptions } from './stores/redis/RedisChallengeStore.js';
export { RedisRevocationStore } from './stores/redis/RedisRevocationStore.js';
export { RedisMintAuditStore } from './stores/redis/RedisMintAuditStore.js';
export { RedisTokenFamilyStore } from './stores/redis/RedisTokenFamilyStore.js';
export { RedisKeyStore } from './stores/redis/RedisKeyStore.js';
export type { RedisKeyStoreOptions } from './stores/redis/RedisKeyStore.js';
export { redisStoresModule } from './stores/redis/redisStoresModule.js';
export type { RedisStoresModule, RedisStoresOptions } from './stores/redis/redisStoresModule.js';

export type { ClaimValue, JwkSet, MintedToken, MintRequest, SessionSubject, TokenIssuer, TokenPair } from './tokens/TokenIssuer.js';
export type { TokenVerifier } from './tokens/TokenVerifier.js';
export type { VerifiedClaims } from './tokens/verifyJwt.js';
export type { Authenticator } from './guard/Authenticator.js';
export { AUTH_LOCALS_KEY } from './http/guard/authenticatedRequest.js';
export type { BearerGuard } from './http/guard/BearerGuard.js';
export type {
  ChallengeRequest, ChallengeResponse, SignInRequest, SignInResponse, SignInService,
} from './services/SignInService.js';
export type { LoginRequest, LoginService } from './services/LoginService.js';
export type { RefreshRequest, RefreshService } from './services/RefreshService.js';
export type { FleetService, FleetSession, FleetSessionRequest } from './services/FleetService.js';
export type {
  MintsQuery, MintView, RevokedJtisQuery, RevokeRequest, TokenAdminService,
} from './services/TokenAdminService.js';
export type { WalletVerifier } from './wallet/WalletVerifier.js';
export type {
  AsyncVerify, SyncVerify, VerifyPlacement, WalletFastPath, WalletRequestForms, WalletScheme, WorkerVerifier, WorkerVerifyOptions,
} from './wallet/WalletScheme.js';
export { WALLET_ALGORITHMS } from './wallet/WalletAlgorithm.js';
export type { WalletAlgorithm } from './wallet/WalletAlgorithm.js';
export type { Clock } from './time/Clock.js';
export { systemClock } from './time/Clock.js';
export type { Logger } from './logging/Logger.js';
export { consoleLogger } from './logging/Logger.js';
export { closeSharedCryptoPool } from './workers/sharedCryptoPool.js';
export type { LimitedRoute, LimitState, LimitSubject, RateLimiter } from './limits/RateLimiter.js';
export { LIMITED_ROUTES } from './limits/RateLimiter.js';
export { FlexibleRateLimiter } from './limits/FlexibleRateLimiter.js';
export { memoryLimiters, redisLimiters, type LimiterFactory } from './limits/limiterFactories.js';
export { clientIp, trustedProxies } from './limits/clientIp.js';
export type { RateLimit, RateLimitSettings, RouteLimits, LoginFailureLimits } from './config/RateLimitSettings.js';
