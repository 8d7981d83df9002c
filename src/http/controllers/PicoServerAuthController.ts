/**
 * @module http/controllers/PicoServerAuthController
 * The `/api/v1/auth` routes of CONTRACT.md section 2. Each endpoint is one call
 * into a service; parsing, checks and token work live in the services.
 */
import type { Response } from 'express';
import { inject } from 'inversify';
import { httpGet, httpPost, requestBody, response } from 'inversify-express-utils';
import { TYPES } from '../../identifiers.js';
import type { Logger } from '../../logging/Logger.js';
import type { LoginService } from '../../services/LoginService.js';
import type { SignInService } from '../../services/SignInService.js';
import type { TokenIssuer } from '../../tokens/TokenIssuer.js';
import { jsonBody } from '../jsonBody.js';
import { respond } from '../respond.js';
import { scopedController } from '../scopedController.js';

export const AUTH_BASE_PATH = '/api/v1/auth';

@scopedController(AUTH_BASE_PATH)
export class PicoServerAuthController {
  constructor(
    @inject(TYPES.SignInService) private readonly signIns: SignInService,
    @inject(TYPES.LoginService) private readonly logins: LoginService,
    @inject(TYPES.TokenIssuer) private readonly tokens: TokenIssuer,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  @httpGet('/jwks')
  async jwks(@response() res: Response): Promise<void> {
    await respond(res, this.logger, () => this.tokens.jwks());
  }

  @httpPost('/challenge', jsonBody)
  async challenge(@requestBody() body: unknown, @response() res: Response): Promise<void> {
    await respond(res, this.logger, () => this.signIns.challenge(body));
  }

  @httpPost('/sign-in', jsonBody)
  async signIn(@requestBody() body: unknown, @response() res: Response): Promise<void> {
    await respond(res, this.logger, () => this.signIns.signIn(body));
  }

  @httpPost('/login', jsonBody)
  async login(@requestBody() body: unknown, @response() res: Response): Promise<void> {
    await respond(res, this.logger, () => this.logins.login(body));
  }
}
