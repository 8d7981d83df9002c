/**
 * @module http/controllers/PicoWalletController
 * Wallet challenge-response login: `POST /challenge`, `POST /sign-in`.
 */
import type { Request, Response } from 'express';
import { inject } from 'inversify';
import { httpPost, request, response } from 'inversify-express-utils';
import { TYPES } from '../../identifiers.js';
import type { Logger } from '../../logging/Logger.js';
import type { SignInService } from '../../services/SignInService.js';
import { AUTH_BASE_PATH } from '../authBasePath.js';
import { rateLimited } from '../guard/rateLimited.js';
import { jsonBody } from '../jsonBody.js';
import { noStore } from '../noStore.js';
import { respond } from '../respond.js';
import { challengeRequest } from '../schemas/challengeRequest.js';
import { signInRequest } from '../schemas/signInRequest.js';
import { scopedController } from '../scopedController.js';

const challengeLimit = rateLimited('challenge', 'address');
const signInLimit = rateLimited('sign_in', 'address');

@scopedController(AUTH_BASE_PATH)
export class PicoWalletController {
  constructor(
    @inject(TYPES.SignInService) private readonly signIns: SignInService,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  @httpPost('/challenge', jsonBody, challengeLimit)
  async challenge(@request() req: Request, @response() res: Response): Promise<void> {
    await respond(res, this.logger, () => this.signIns.challenge(challengeRequest.parse(req.body)));
  }

  @httpPost('/sign-in', noStore, jsonBody, signInLimit)
  async signIn(@request() req: Request, @response() res: Response): Promise<void> {
    await respond(res, this.logger, () => this.signIns.signIn(signInRequest.parse(req.body)));
  }
}
