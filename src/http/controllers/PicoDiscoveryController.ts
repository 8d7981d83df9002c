/**
 * @module http/controllers/PicoDiscoveryController
 * `GET /.well-known/openid-configuration` on the issuer: lets standard tools
 * find the keys without configuration. Only members that are true of this
 * server are listed; it issues JWTs but is not an OpenID provider, so there
 * are no authorization or userinfo endpoints. `revoked_jtis_endpoint` is our
 * extension: the revocation feed remote validators poll (CONTRACT.md section 2).
 */
import type { Request, Response } from 'express';
import { inject } from 'inversify';
import { httpGet, request, response } from 'inversify-express-utils';
import type { ServerAuthSettings } from '../../config/ServerAuthSettings.js';
import { TYPES } from '../../identifiers.js';
import type { Logger } from '../../logging/Logger.js';
import type { TokenIssuer } from '../../tokens/TokenIssuer.js';
import { AUTH_BASE_PATH } from '../authBasePath.js';
import { scopedController } from '../scopedController.js';
import { respondCached } from '../respond.js';
import { publishedJwks } from './PicoKeysController.js';

export interface DiscoveryDocument {
  readonly issuer: string;
  readonly jwks_uri: string;
  /** Algorithms of the keys in the JWKS now (a rotation to another algorithm lists both). */
  readonly id_token_signing_alg_values_supported: readonly string[];
  readonly revoked_jtis_endpoint: string;
  readonly claims_supported: readonly string[];
}

const CLAIMS = ['iss', 'aud', 'sub', 'iat', 'exp', 'jti', 'role'] as const;

/** `issuer` + path, without doubling a trailing slash of the issuer. */
const under = (issuer: string, path: string): string => `${issuer.replace(/\/+$/, '')}${path}`;

@scopedController('/.well-known')
export class PicoDiscoveryController {
  constructor(
    @inject(TYPES.TokenIssuer) private readonly tokens: TokenIssuer,
    @inject(TYPES.ServerAuthSettings) private readonly settings: ServerAuthSettings,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  @httpGet('/openid-configuration')
  async configuration(@request() req: Request, @response() res: Response): Promise<void> {
    const cacheControl = `public, max-age=${this.settings.jwks_max_age_seconds}`;
    await respondCached(req, res, this.logger, cacheControl, () => this.document());
  }

  private async document(): Promise<DiscoveryDocument> {
    const { keys } = await publishedJwks(this.tokens);
    const algorithms = [...new Set(keys.map((key) => key.alg).filter((alg) => typeof alg === 'string'))];
    const { issuer } = this.settings;
    return {
      issuer,
      jwks_uri: under(issuer, `${AUTH_BASE_PATH}/jwks`),
      id_token_signing_alg_values_supported: algorithms,
      revoked_jtis_endpoint: under(issuer, `${AUTH_BASE_PATH}/revoked-jtis`),
      claims_supported: CLAIMS,
    };
  }
}
