/**
 * @module http/controllers/PicoWalletController
 * Wallet challenge-response login: `POST /challenge`, `POST /sign-in`.
 */
import type { Response } from 'express';
import { inject } from 'inversify';
import { httpPost, requestBody, response } from 'inversify-express-utils';
import { TYPES } from '../../identifiers.js';
import type { Logger } from '../../logging/Logger.js';
import type { SignInService } from '../../services/SignInService.js';
import { AUTH_BASE_PATH } from '../authBasePath.js';
import { jsonBody } from '../jsonBody.js';
import { respond } from '../respond.js';
import { scopedController } from '../scopedController.js';

@scopedController(AUTH_BASE_PATH)
export class PicoWalletController {
  constructor(
    @inject(TYPES.SignInService) private readonly signIns: SignInService,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  @httpPost('/challenge', jsonBody)
  async challenge(@requestBody() body: unknown, @response() res: Response): Promise<void> {
    await respond(res, this.logger, () => this.signIns.challenge(body));
  }

  @httpPost('/sign-in', jsonBody)
  async signIn(@requestBody() body: unknown, @response() res: Response): Promise<void> {
    await respond(res, this.logger, () => this.signIns.signIn(body));
  }
}
