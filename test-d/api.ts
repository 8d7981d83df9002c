/**
 * @module test-d/api
 * Type-level tests of the public API: this file only has to compile
 * (`npm run test:types`). Each `@ts-expect-error` line must stay an error:
 * if the API loosened, tsc would report the directive as unused.
 */
import type { RequestHandler } from 'express';
import { Container, type interfaces } from 'inversify';
import {
  init,
  loadConfig,
  MemoryChallengeStore,
  serverAuthModule,
  systemClock,
  TYPES,
  type Authenticator,
  type BearerGuard,
  type ChallengeStore,
  type PicoConfig,
  type ServerAuthSettings,
  type VerifiedClaims,
  type WalletAlgorithm,
} from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | void {}

// The module and the symbols are typed to their interfaces.
expectType<Equal<typeof serverAuthModule, interfaces.ContainerModule>>();
expectType<Equal<typeof TYPES.ChallengeStore, interfaces.ServiceIdentifier<ChallengeStore>>>();
expectType<Equal<typeof TYPES.ServerAuthSettings, interfaces.ServiceIdentifier<ServerAuthSettings>>>();
expectType<Equal<typeof TYPES.BearerGuard, interfaces.ServiceIdentifier<BearerGuard>>>();
expectType<Equal<typeof TYPES.Authenticator, interfaces.ServiceIdentifier<Authenticator>>>();

// init and loadConfig resolve to a container and a validated config.
expectType<Equal<ReturnType<typeof init>, Promise<Container>>>();
expectType<Equal<ReturnType<typeof loadConfig>, Promise<PicoConfig>>>();

// Settings are read-only.
declare const settings: ServerAuthSettings;
// @ts-expect-error the config is frozen and typed readonly
settings.issuer = 'http://elsewhere';
// @ts-expect-error lists are readonly too
settings.supported_wallet_algorithms.push('Ed25519');

// Wallet algorithms are a closed set.
const algorithm: WalletAlgorithm = 'Ed25519';
// @ts-expect-error not a wallet algorithm
const unknownAlgorithm: WalletAlgorithm = 'RSA';

// A user store must implement the async interface.
class UserStore implements ChallengeStore {
  async create(_address: string): Promise<string> {
    return 'nonce';
  }
  async validate(_address: string, _nonce: string): Promise<boolean> {
    return true;
  }
  async cleanup(): Promise<number> {
    return 0;
  }
}
// @ts-expect-error a synchronous validate does not satisfy the interface
const syncStore: ChallengeStore = { create: async () => 'n', validate: () => true, cleanup: async () => 0 };

const container = new Container();
container.bind(TYPES.ChallengeStore).toConstantValue(new UserStore());
container.bind(TYPES.ChallengeStore).toConstantValue(new MemoryChallengeStore({ ttlSeconds: 60, maxPending: 10, clock: systemClock }));
// @ts-expect-error the symbol carries its interface: a string is not a ChallengeStore
container.bind(TYPES.ChallengeStore).toConstantValue('not a store');

// The guard hands out Express middleware and verified claims.
declare const guard: BearerGuard;
expectType<Equal<ReturnType<BearerGuard['require']>, RequestHandler>>();
expectType<Equal<ReturnType<BearerGuard['authorize']>, Promise<VerifiedClaims>>>();
guard.require('operator', 'auditor');
// The guard is an Authenticator with Express middleware on top: either binds where an Authenticator is wanted.
const asAuthenticator: Authenticator = guard;
// @ts-expect-error an Authenticator is not a guard: it has no middleware
const asGuard: BearerGuard = asAuthenticator;

export { algorithm, asGuard, syncStore, unknownAlgorithm };
