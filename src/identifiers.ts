/**
 * @module identifiers
 * Every DI symbol of the package, nothing else. A binding that is not here is
 * not an extension point. Symbols are scoped (`pico-server-auth/...`) so they
 * never collide with another package's.
 */
import type { Application } from 'express';
import type { interfaces } from 'inversify';
import type { PicoConfig, ServerAuthSettings } from './config/ServerAuthSettings.js';
import type { LoginService } from './services/LoginService.js';
import type { SignInService } from './services/SignInService.js';
import type { ChallengeStore } from './stores/ChallengeStore.js';
import type { KeyStore } from './stores/KeyStore.js';
import type { Clock } from './time/Clock.js';
import type { TokenIssuer } from './tokens/TokenIssuer.js';
import type { WalletVerifier } from './wallet/WalletVerifier.js';
import type { Logger } from './logging/Logger.js';

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
  WalletVerifier: id<WalletVerifier>('WalletVerifier'),
  TokenIssuer: id<TokenIssuer>('TokenIssuer'),
  SignInService: id<SignInService>('SignInService'),
  LoginService: id<LoginService>('LoginService'),
  Clock: id<Clock>('Clock'),
  Logger: id<Logger>('Logger'),
  /** The standalone Express application with the auth routes. */
  App: id<Application>('App'),
});
