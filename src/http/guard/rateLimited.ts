/**
 * @module http/guard/rateLimited
 * Route middleware for the abuse limits (`TYPES.RateLimiter`): counts the
 * request against its client IP (`trusted_proxies` decide whether
 * `X-Forwarded-For` is believed) and, when the body names one, its account;
 * answers 429 past a limit, and otherwise sets the `RateLimit-Policy` /
 * `RateLimit` headers and leaves the client IP for the handler
 * (`clientIpOf`). It runs after the body is parsed and before anything else,
 * so a flood is refused before any secret is compared or store is touched.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { interfaces } from 'inversify';
import { AuthServerError } from '../../errors/AuthServerError.js';
import { TYPES } from '../../identifiers.js';
import { clientIp, trustedProxies } from '../../limits/clientIp.js';
import { rateLimitHeaders } from '../../limits/rateLimitHeaders.js';
import type { LimitedRoute } from '../../limits/RateLimiter.js';
import { sendError } from '../sendError.js';
import { routeMiddleware } from './routeMiddleware.js';

const CLIENT_IP = 'pico-server-auth/clientIp';

/** The client IP the limits counted this request against. */
export function clientIpOf(res: Response): string {
  return (res.locals[CLIENT_IP] as string | undefined) ?? 'unknown';
}

/** The account a body names, when `field` is a non-empty string. */
function accountOf(req: Request, field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  const body = req.body as Record<string, unknown> | null | undefined;
  const value = typeof body === 'object' && body !== null ? body[field] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function rateLimited(route: LimitedRoute, accountField?: string): interfaces.ServiceIdentifier<RequestHandler> {
  return routeMiddleware(`rateLimited/${route}`, (container) => {
    const settings = container.get(TYPES.ServerAuthSettings);
    // Switched off: nothing to count, and the login back-off is off too, so no client IP is needed.
    if (!settings.rate_limits.enabled) return (_req, _res, next): void => next();
    const limiter = container.get(TYPES.RateLimiter);
    const logger = container.get(TYPES.Logger);
    const trusted = trustedProxies(settings.trusted_proxies);
    return (req, res, next): void => {
      const ip = clientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], trusted);
      res.locals[CLIENT_IP] = ip;
      const account = accountOf(req, accountField);
      limiter.consume(route, account === undefined ? { ip } : { ip, account }).then(
        (states) => {
          res.set(rateLimitHeaders(states));
          next();
        },
        (error: unknown) => {
          // The RateLimit header names the limit that ran out (`"ip";r=0;t=42` or `"account";...`).
          const limit = error instanceof AuthServerError ? /^"(\w+)"/.exec(error.headers['RateLimit'] ?? '')?.[1] : undefined;
          logger.warn(`rate limit reached on ${route} for ${ip} (${limit ?? 'limiter'} limit)`);
          sendError(res, error, logger);
        },
      );
    };
  });
}
