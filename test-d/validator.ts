/**
 * @module test-d/validator
 * Type-level tests of `pico-server-auth/validator`: this file only has to
 * compile (`npm run test:types`). Each `@ts-expect-error` line must stay an
 * error: if the API loosened, tsc would report the directive as unused.
 */
import type { RequestHandler } from 'express';
import {
  createValidator,
  ForbiddenError,
  InvalidTokenError,
  ValidatorUnavailableError,
  type AccessClaims,
  type InvalidTokenReason,
  type Validator,
  type ValidatorErrors,
  type ValidatorOptions,
} from '../src/validator/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | void {}

// The factory takes the options and returns the Validator interface.
expectType<Equal<Parameters<typeof createValidator>[0], ValidatorOptions>>();
expectType<Equal<ReturnType<typeof createValidator>, Validator>>();

declare const validator: Validator;
expectType<Equal<ReturnType<Validator['verify']>, Promise<AccessClaims>>>();
expectType<Equal<ReturnType<Validator['requireAuth']>, RequestHandler>>();
expectType<Equal<ReturnType<Validator['close']>, Promise<void>>>();
validator.requireAuth();
validator.requireAuth({ roles: ['service', 'operator'] });
// @ts-expect-error roles is a list
validator.requireAuth({ roles: 'service' });

// Typed claims: the contract's claims are typed, others are unknown; all read-only.
declare const claims: AccessClaims;
expectType<Equal<typeof claims.sub, string>>();
expectType<Equal<typeof claims.role, string>>();
expectType<Equal<typeof claims.exp, number>>();
expectType<Equal<typeof claims['scope'], unknown>>();
// @ts-expect-error claims are read-only
claims.role = 'operator';

// Options: issuer and audience are required, the unreachable policy is a closed set.
// @ts-expect-error audience is required
createValidator({ issuer: 'https://auth.example.com' });
createValidator({
  issuer: 'https://auth.example.com',
  audience: 'my-api',
  jwksUrl: 'https://auth.example.com/api/v1/auth/jwks',
  clockToleranceSeconds: 5,
  revocation: { serviceToken: 't', pollIntervalSeconds: 30, maxStalenessSeconds: 120, onUnreachable: 'fail-open' },
  fetch: (input: string, init?: RequestInit) => fetch(input, init),
});
createValidator({
  issuer: 'https://auth.example.com',
  audience: 'my-api',
  // @ts-expect-error only 'fail-closed' or 'fail-open'
  revocation: { serviceToken: 't', onUnreachable: 'ignore' },
});

// Errors: a discriminated union on `code`, with typed reasons.
declare const error: ValidatorErrors;
switch (error.code) {
  case 'ERR_TOKEN_INVALID':
    expectType<Equal<typeof error, InvalidTokenError>>();
    expectType<Equal<typeof error.reason, InvalidTokenReason>>();
    break;
  case 'ERR_FORBIDDEN':
    expectType<Equal<typeof error, ForbiddenError>>();
    break;
  case 'ERR_SERVICE_UNAVAILABLE':
    expectType<Equal<typeof error.reason, 'jwks_unavailable' | 'revocation_stale'>>();
    expectType<Equal<typeof error, ValidatorUnavailableError>>();
    break;
  default:
    expectType<Equal<typeof error, never>>();
}
// @ts-expect-error not a reason the validator gives
const reason: InvalidTokenReason = 'stale';
void reason;
