/**
 * @module http/controllers/PicoSessionController
 * Sessions that do not start from a wallet: `POST /login` (admin bootstrap).
 */
import type { Response } from 'express';
import { inject } from 'inversify';
import { httpPost, requestBody, response } from 'inversify-express-utils';
import { TYPES } from '../../identifiers.js';
import type { Logger } from '../../logging/Logger.js';
import type { LoginService } from '../../services/LoginService.js';
import { AUTH_BASE_PATH } from '../authBasePath.js';
import { jsonBody } from '../jsonBody.js';
import { respond } from '../respond.js';
import { scopedController } from '../scopedController.js';

@scopedController(AUTH_BASE_PATH)
export class PicoSessionController {
  constructor(
    @inject(TYPES.LoginService) private readonly logins: LoginService,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  @httpPost('/login', jsonBody)
  async login(@requestBody() body: unknown, @response() res: Response): Promise<void> {
    await respond(res, this.logger, () => this.logins.login(body));
  }
}
