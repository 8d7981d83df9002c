/**
 * @module http/schemas/requestSchemas
 * Every request schema by route, the list an OpenAPI document is generated
 * from; each is the very object its route validates with.
 */
import type { SchemaObject } from 'ajv';
import { challengeRequest } from './challengeRequest.js';
import { fleetSessionRequest } from './fleetSessionRequest.js';
import { loginRequest } from './loginRequest.js';
import { mintsQuery } from './mintsQuery.js';
import { refreshRequest } from './refreshRequest.js';
import { revokedJtisQuery } from './revokedJtisQuery.js';
import { revokeRequest } from './revokeRequest.js';
import { signInRequest } from './signInRequest.js';

export interface RouteSchemas {
  readonly body?: SchemaObject;
  readonly query?: SchemaObject;
}

/** Keyed by `METHOD path` under the auth base path. */
export const requestSchemas: Readonly<Record<string, RouteSchemas>> = Object.freeze({
  'POST /challenge': { body: challengeRequest.schema },
  'POST /sign-in': { body: signInRequest.schema },
  'POST /login': { body: loginRequest.schema },
  'POST /refresh': { body: refreshRequest.schema },
  'POST /fleet/sessions': { body: fleetSessionRequest.schema },
  'POST /revoke': { body: revokeRequest.schema },
  'GET /revoked-jtis': { query: revokedJtisQuery.schema },
  'GET /mints': { query: mintsQuery.schema },
});
