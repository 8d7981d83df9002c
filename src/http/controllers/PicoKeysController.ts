/**
 * @module http/controllers/PicoKeysController
 * `GET /jwks`: the public keys validators fetch (CONTRACT.md section 3).
 */
import type { Response } from 'express';
import { inject } from 'inversify';
import { httpGet, response } from 'inversify-express-utils';
import { TYPES } from '../../identifiers.js';
import type { Logger } from '../../logging/Logger.js';
import type { TokenIssuer } from '../../tokens/TokenIssuer.js';
import { AUTH_BASE_PATH } from '../authBasePath.js';
import { respond } from '../respond.js';
import { scopedController } from '../scopedController.js';

@scopedController(AUTH_BASE_PATH)
export class PicoKeysController {
  constructor(
    @inject(TYPES.TokenIssuer) private readonly tokens: TokenIssuer,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  @httpGet('/jwks')
  async jwks(@response() res: Response): Promise<void> {
    await respond(res, this.logger, () => this.tokens.jwks());
  }
}
