/**
 * @module http/guard/requireRoles
 * `requireRoles(...roles)` as route middleware on our controllers: 401 for a
 * missing or bad token, 403 for a token without one of the roles, else the
 * claims in `res.locals.auth` (read them with `callerOf(res)`). A role is a
 * name, or `ADMIN_ROLE`: the configured `admin_role`, read when the app is
 * built. Hosts guard their own routes with `BearerGuard.require(...)`.
 */
import type { ServerAuthSettings } from '../../config/ServerAuthSettings.js';
import { TYPES } from '../../identifiers.js';
import type { RequestHandler } from 'express';
import type { interfaces } from 'inversify';
import { authenticatedRequest } from './authenticatedRequest.js';
import { routeMiddleware } from './routeMiddleware.js';

/** A role named in code, or one read from the settings. */
export type RoleSource = string | ((settings: ServerAuthSettings) => string);

/** The operator role, `server_auth.admin_role`. */
export const ADMIN_ROLE: RoleSource = (settings) => settings.admin_role;

export function requireRoles(...sources: RoleSource[]): interfaces.ServiceIdentifier<RequestHandler> {
  if (sources.length === 0) throw new RangeError('requireRoles() needs at least one role');
  const name = sources.map((source) => (typeof source === 'string' ? source : 'admin_role')).join(',');
  return routeMiddleware(`requireRoles(${name})`, (container) => {
    const settings = container.get(TYPES.ServerAuthSettings);
    const roles = sources.map((source) => (typeof source === 'string' ? source : source(settings)));
    const authenticator = container.get(TYPES.Authenticator);
    return authenticatedRequest((req) => authenticator.authorize(req.headers.authorization, roles), container.get(TYPES.Logger));
  });
}
