/**
 * @module test-d/bindings
 * Every symbol in `TYPES` carries an exported interface, so a host can bind
 * a typed replacement: for each, an object literal implementing the
 * interface compiles, and a wrong one is an error (`@ts-expect-error`). The
 * key list at the top fails when a symbol is added without a case here.
 */
import express from 'express';
import { Container, type interfaces } from 'inversify';
import {
  TYPES,
  type Authenticator,
  type BearerGuard,
  type ChallengeStore,
  type FleetService,
  type KeyStore,
  type LoginService,
  type MintAuditStore,
  type PicoConfig,
  type RedisConnection,
  type RefreshService,
  type RevocationStore,
  type ServerAuthSettings,
  type SignInService,
  type TokenAdminService,
  type TokenFamilyStore,
  type TokenIssuer,
  type TokenPair,
  type TokenVerifier,
  type VerifiedClaims,
  type WalletScheme,
  type WalletVerifier,
  type RateLimiter,
  memoryLimiters,
} from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | void {}

expectType<
  Equal<
    keyof typeof TYPES,
    | 'PicoConfig' | 'ServerAuthSettings' | 'ChallengeStore' | 'KeyStore' | 'RevocationStore' | 'MintAuditStore'
    | 'TokenFamilyStore' | 'RedisConnection' | 'WalletVerifier' | 'TokenIssuer' | 'TokenVerifier' | 'Authenticator'
    | 'BearerGuard' | 'RefreshService' | 'FleetService' | 'TokenAdminService' | 'SignInService' | 'LoginService'
    | 'RateLimiter' | 'RateLimiterStore' | 'Clock' | 'Logger' | 'App'
  >
>();

const container = new Container();
/** Binds `value` under `id`: compiles only when `value` is the symbol's interface. */
function bindAs<T>(id: interfaces.ServiceIdentifier<T>, value: T): void {
  container.bind(id).toConstantValue(value);
}

declare const claims: VerifiedClaims;
declare const pair: TokenPair;
declare const scheme: WalletScheme;
declare const config: PicoConfig;
declare const redis: RedisConnection;

// Configuration and plumbing.
bindAs(TYPES.PicoConfig, config);
bindAs(TYPES.ServerAuthSettings, config.server_auth);
// @ts-expect-error the settings section is not the whole file
bindAs(TYPES.PicoConfig, config.server_auth);
bindAs(TYPES.Clock, { now: () => 0 });
// @ts-expect-error a Clock answers milliseconds as a number
bindAs(TYPES.Clock, { now: () => new Date() });
bindAs(TYPES.Logger, { info: () => {}, warn: () => {}, error: () => {} });
// @ts-expect-error a Logger has error() too
bindAs(TYPES.Logger, { info: () => {}, warn: () => {} });
bindAs(TYPES.App, express());
// @ts-expect-error the App is an Express application
bindAs(TYPES.App, { listen: () => undefined });
// The shared Redis client is the stores' class (their module owns its shape).
bindAs(TYPES.RedisConnection, redis);
// @ts-expect-error not a RedisConnection
bindAs(TYPES.RedisConnection, {});

// Stores.
bindAs<ChallengeStore>(TYPES.ChallengeStore, { create: async () => 'n', validate: async () => true, cleanup: async () => 0 });
// @ts-expect-error validate must be async
bindAs(TYPES.ChallengeStore, { create: async () => 'n', validate: () => true, cleanup: async () => 0 });
const keyStore: KeyStore = {
  signingKey: async () => {
    throw new Error('none');
  },
  verificationKeys: async () => [],
};
bindAs(TYPES.KeyStore, keyStore);
// @ts-expect-error verificationKeys is required
bindAs(TYPES.KeyStore, { signingKey: keyStore.signingKey });
const revocations: RevocationStore = { revoke: async (entry) => entry, isRevoked: async () => false, list: async () => [] };
bindAs(TYPES.RevocationStore, revocations);
// @ts-expect-error isRevoked answers a boolean
bindAs(TYPES.RevocationStore, { ...revocations, isRevoked: async () => 'no' });
const mints: MintAuditStore = { record: async () => {}, listLive: async () => [] };
bindAs(TYPES.MintAuditStore, mints);
// @ts-expect-error record is required
bindAs(TYPES.MintAuditStore, { listLive: async () => [] });
const families: TokenFamilyStore = { add: async () => true, useRefresh: async () => true, revokeFamily: async () => [] };
bindAs(TYPES.TokenFamilyStore, families);
// @ts-expect-error revokeFamily answers the members
bindAs(TYPES.TokenFamilyStore, { ...families, revokeFamily: async () => 3 });

// Crypto and tokens.
const wallets: WalletVerifier = { scheme: () => scheme, verify: async () => true };
bindAs(TYPES.WalletVerifier, wallets);
// @ts-expect-error verify is async
bindAs(TYPES.WalletVerifier, { scheme: () => scheme, verify: () => true });
const issuer: TokenIssuer = {
  issueSession: async () => pair,
  signSession: async () => ({ family: 'f', members: [], pair }),
  commitSession: async () => pair,
  mint: async () => ({ token: 't', jti: 'j', iat: 0, exp: 0 }),
  jwks: async () => ({ keys: [] }),
};
bindAs(TYPES.TokenIssuer, issuer);
// @ts-expect-error jwks is required
bindAs(TYPES.TokenIssuer, { ...issuer, jwks: undefined });
const verifier: TokenVerifier = { verify: async () => claims, verifyRefresh: async () => claims };
bindAs(TYPES.TokenVerifier, verifier);
// @ts-expect-error verify answers claims, not a boolean
bindAs(TYPES.TokenVerifier, { ...verifier, verify: async () => true });

// Abuse limits.
const limiter: RateLimiter = {
  consume: async () => [],
  checkLogin: async () => undefined,
  loginFailed: async () => undefined,
  loginSucceeded: async () => undefined,
};
bindAs(TYPES.RateLimiter, limiter);
// @ts-expect-error consume answers the limit states
bindAs(TYPES.RateLimiter, { ...limiter, consume: async () => true });
bindAs(TYPES.RateLimiterStore, memoryLimiters);

// Authentication.
const authenticator: Authenticator = { authenticate: async () => claims, authorize: async () => claims };
bindAs(TYPES.Authenticator, authenticator);
// @ts-expect-error authorize is required
bindAs(TYPES.Authenticator, { authenticate: async () => claims });
const guard: BearerGuard = { ...authenticator, require: () => (_req, _res, next) => next() };
bindAs(TYPES.BearerGuard, guard);
// @ts-expect-error require() hands out Express middleware
bindAs(TYPES.BearerGuard, { ...authenticator, require: () => 'middleware' });

// Services: typed input, never `unknown` bodies.
const signIns: SignInService = {
  challenge: async ({ address }) => ({ challenge: address, ttl: 60 }),
  signIn: async ({ address }) => ({ ...pair, address, algorithm: 'Ed25519' }),
};
bindAs(TYPES.SignInService, signIns);
// @ts-expect-error the request is typed: no such member
bindAs<SignInService>(TYPES.SignInService, { ...signIns, challenge: async ({ wallet }) => ({ challenge: wallet, ttl: 60 }) });
const logins: LoginService = { login: async ({ email, password }) => (email === password ? pair : pair) };
bindAs(TYPES.LoginService, logins);
// @ts-expect-error login answers a token pair
bindAs(TYPES.LoginService, { login: async () => ({ access_token: 'a' }) });
const refreshes: RefreshService = { refresh: async ({ refresh_token }) => ({ ...pair, refresh_token }) };
bindAs(TYPES.RefreshService, refreshes);
// @ts-expect-error refresh_token is a string
bindAs<RefreshService>(TYPES.RefreshService, { refresh: async ({ refresh_token }) => ({ ...pair, refresh_token: refresh_token * 2 }) });
const fleet: FleetService = { mintSession: async ({ session_id, ttl }) => ({ session_token: session_id, exp: ttl ?? 0 }) };
bindAs(TYPES.FleetService, fleet);
// @ts-expect-error a fleet session has an exp
bindAs(TYPES.FleetService, { mintSession: async () => ({ session_token: 't' }) });
const admin: TokenAdminService = {
  revoke: async (caller, { jti, reason }) => ({ revoked: { jti, reason, revoked_at: 0, revoked_by: caller.sub } }),
  revokedJtis: async ({ since }) => ({ items: since > 0 ? [] : [] }),
  liveMints: async ({ limit }) => ({ items: limit > 0 ? [] : [] }),
};
bindAs(TYPES.TokenAdminService, admin);
// @ts-expect-error liveMints is required
bindAs(TYPES.TokenAdminService, { revoke: admin.revoke, revokedJtis: admin.revokedJtis });

// The settings symbol carries the settings interface, read-only.
declare const settings: ServerAuthSettings;
bindAs(TYPES.ServerAuthSettings, settings);
