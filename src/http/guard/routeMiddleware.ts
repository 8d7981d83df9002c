/**
 * @module http/guard/routeMiddleware
 * Route middleware that needs the container (the authenticator, the
 * settings). Controller decorators are evaluated once, when their file
 * loads, long before any container exists; so a decorator names such
 * middleware by an identifier from here, and every container that loads
 * `serverAuthModule` binds each identifier to the handler built from its own
 * services. inversify-express-utils resolves the identifiers once, when the
 * app is built, so a request pays no container lookup.
 * The identifiers are private symbols, not extension points: replace the
 * services the handlers use (`TYPES.Authenticator`, the settings) instead.
 */
import type { RequestHandler } from 'express';
import type { interfaces } from 'inversify';

export type RouteMiddlewareFactory = (container: interfaces.Container) => RequestHandler;

const factories = new Map<symbol, RouteMiddlewareFactory>();

/** Registers a factory; the identifier goes in a route decorator's middleware list. */
export function routeMiddleware(name: string, factory: RouteMiddlewareFactory): interfaces.ServiceIdentifier<RequestHandler> {
  const id = Symbol(`pico-server-auth/route/${name}`);
  factories.set(id, factory);
  return id;
}

/** Every registered identifier with its factory, for the module to bind. */
export function routeMiddlewareFactories(): ReadonlyMap<symbol, RouteMiddlewareFactory> {
  return factories;
}
