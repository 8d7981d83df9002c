/**
 * @module http/schemas/requestSchemas
 * Every request schema by route, for an OpenAPI document: each is the very
 * object its route validates with. Derived from the parsers the controllers
 * load, so a new route's schema is listed without an entry here.
 */
import type { SchemaObject } from 'ajv';
import { authControllers } from '../controllers/authControllers.js';
import { requestParsers } from '../validation/requestParser.js';

export interface RouteSchemas {
  readonly body?: SchemaObject;
  readonly query?: SchemaObject;
}

/** Keyed by `METHOD /path` under the auth base path. */
export function requestSchemas(): Readonly<Record<string, RouteSchemas>> {
  // The controllers import their routes' schemas: naming them here makes sure they are loaded.
  void authControllers;
  const byRoute: Record<string, RouteSchemas> = {};
  for (const { route, part, schema } of requestParsers()) {
    byRoute[route] = { ...byRoute[route], [part]: schema };
  }
  return byRoute;
}
