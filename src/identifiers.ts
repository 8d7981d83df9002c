/**
 * @module identifiers
 * Every DI symbol of the package, nothing else. A binding that is not here is
 * not an extension point. Symbols are scoped (`pico-server-auth/...`) so they
 * never collide with another package's.
 */
import type { Application } from 'express';
import type { interfaces } from 'inversify';
import type { PicoConfig, ServerAuthSettings } from './config/ServerAuthSettings.js';
import type { Authenticator } from './guard/Authenticator.js';
import type { BearerGuard } from './http/guard/BearerGuard.js';
import type { Logger } from './logging/Logger.js';
import type { FleetService } from './services/FleetService.js';
import type { RefreshService } from './services/RefreshService.js';
import type { TokenAdminService } from './services/TokenAdminService.js';
import type { MintAuditStore } from './stores/MintAuditStore.js';
import type { RevocationStore } from './stores/RevocationStore.js';
import type { TokenFamilyStore } from './stores/TokenFamilyStore.js';
import type { RedisConnection } from './stores/redis/RedisConnection.js';
import type { TokenVerifier } from './tokens/TokenVerifier.js';
import type { LoginService } from './services/LoginService.js';
import type { SignInService } from './services/SignInService.js';
import type { ChallengeStore } from './stores/ChallengeStore.js';
import type { KeyStore } from './stores/KeyStore.js';
import type { LimiterFactory } from './limits/limiterFactories.js';
import type { RateLimiter } from './limits/RateLimiter.js';
import type { Clock } from './time/Clock.js';
import type { TokenIssuer } from './tokens/TokenIssuer.js';
import type { WalletVerifier } from './wallet/WalletVerifier.js';

function id<T>(name: string): interfaces.ServiceIdentifier<T> {
  return Symbol.for(`pico-server-auth/${name}`);
}

export const TYPES = Object.freeze({
  /** The whole validated configuration file (`server_auth` and `server`). */
  PicoConfig: id<PicoConfig>('PicoConfig'),
  /** The frozen `server_auth:` section. */
  ServerAuthSettings: id<ServerAuthSettings>('ServerAuthSettings'),
  ChallengeStore: id<ChallengeStore>('ChallengeStore'),
  KeyStore: id<KeyStore>('KeyStore'),
  RevocationStore: id<RevocationStore>('RevocationStore'),
  MintAuditStore: id<MintAuditStore>('MintAuditStore'),
  TokenFamilyStore: id<TokenFamilyStore>('TokenFamilyStore'),
  /** The shared Redis client, bound only by `redisStoresModule` (the `redis:` config section). */
  RedisConnection: id<RedisConnection>('RedisConnection'),
  WalletVerifier: id<WalletVerifier>('WalletVerifier'),
  TokenIssuer: id<TokenIssuer>('TokenIssuer'),
  TokenVerifier: id<TokenVerifier>('TokenVerifier'),
  /** Bearer token to verified claims: signature, claims, revocation, roles. */
  Authenticator: id<Authenticator>('Authenticator'),
  /** The `Authenticator` as Express middleware for a host's own routes (`guard.require(...roles)`). */
  BearerGuard: id<BearerGuard>('BearerGuard'),
  RefreshService: id<RefreshService>('RefreshService'),
  FleetService: id<FleetService>('FleetService'),
  TokenAdminService: id<TokenAdminService>('TokenAdminService'),
  SignInService: id<SignInService>('SignInService'),
  LoginService: id<LoginService>('LoginService'),
  /** Abuse limits on the login routes (`server_auth.rate_limits`). */
  RateLimiter: id<RateLimiter>('RateLimiter'),
  /** Where the rate-limit counters live: memory, or Redis with a `redis:` section. */
  RateLimiterStore: id<LimiterFactory>('RateLimiterStore'),
  Clock: id<Clock>('Clock'),
  Logger: id<Logger>('Logger'),
  /** The standalone Express application with the auth routes. */
  App: id<Application>('App'),
});
