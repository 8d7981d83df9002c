/**
 * @module http/controllers/PicoSessionController
 * Sessions that do not start from a wallet, and their renewal:
 * `POST /login` (admin bootstrap), `POST /refresh` (rotation),
 * `POST /fleet/sessions` (agents, behind the shared fleet secret).
 */
import type { Request, Response } from 'express';
import { inject } from 'inversify';
import { httpPost, request, requestBody, response } from 'inversify-express-utils';
import { TYPES } from '../../identifiers.js';
import type { Logger } from '../../logging/Logger.js';
import type { FleetService } from '../../services/FleetService.js';
import type { LoginService } from '../../services/LoginService.js';
import type { RefreshService } from '../../services/RefreshService.js';
import { AUTH_BASE_PATH } from '../authBasePath.js';
import { jsonBody } from '../jsonBody.js';
import { respond } from '../respond.js';
import { scopedController } from '../scopedController.js';

@scopedController(AUTH_BASE_PATH)
export class PicoSessionController {
  constructor(
    @inject(TYPES.LoginService) private readonly logins: LoginService,
    @inject(TYPES.RefreshService) private readonly refreshes: RefreshService,
    @inject(TYPES.FleetService) private readonly fleet: FleetService,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  @httpPost('/login', jsonBody)
  async login(@requestBody() body: unknown, @response() res: Response): Promise<void> {
    await respond(res, this.logger, () => this.logins.login(body));
  }

  @httpPost('/refresh', jsonBody)
  async refresh(@requestBody() body: unknown, @response() res: Response): Promise<void> {
    await respond(res, this.logger, () => this.refreshes.refresh(body));
  }

  @httpPost('/fleet/sessions', jsonBody)
  async fleetSession(@request() req: Request, @response() res: Response): Promise<void> {
    await respond(res, this.logger, () => this.fleet.mintSession(req.get('X-Fleet-Secret'), req.body));
  }
}
