/**
 * @module http/controllers/PicoKeysController
 * `GET /jwks`: the public keys validators fetch (CONTRACT.md section 3):
 * retired keys whose tokens may still be valid, the signing key, and keys
 * published ahead of signing. Each key passes an allow-list of public members
 * on the way out, whatever key store produced it. Cacheable for
 * `jwks_max_age_seconds`, with a strong ETag.
 */
import type { Request, Response } from 'express';
import { inject } from 'inversify';
import { httpGet, request, response } from 'inversify-express-utils';
import type { ServerAuthSettings } from '../../config/ServerAuthSettings.js';
import { TYPES } from '../../identifiers.js';
import { publicJwk } from '../../keys/publicJwk.js';
import type { Logger } from '../../logging/Logger.js';
import type { JwkSet, TokenIssuer } from '../../tokens/TokenIssuer.js';
import { AUTH_BASE_PATH } from '../authBasePath.js';
import { scopedController } from '../scopedController.js';
import { respondCached } from '../respond.js';

/** The published JWKS: public members only, keys of unknown type left out. */
export async function publishedJwks(tokens: TokenIssuer): Promise<JwkSet> {
  const { keys } = await tokens.jwks();
  return { keys: keys.map((key) => publicJwk(key)).filter((key) => key !== undefined) };
}

@scopedController(AUTH_BASE_PATH)
export class PicoKeysController {
  constructor(
    @inject(TYPES.TokenIssuer) private readonly tokens: TokenIssuer,
    @inject(TYPES.ServerAuthSettings) private readonly settings: ServerAuthSettings,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  @httpGet('/jwks')
  async jwks(@request() req: Request, @response() res: Response): Promise<void> {
    const cacheControl = `public, max-age=${this.settings.jwks_max_age_seconds}`;
    await respondCached(req, res, this.logger, cacheControl, () => publishedJwks(this.tokens));
  }
}
