/**
 * @module http/controllers/PicoSessionController
 * Sessions that do not start from a wallet, and their renewal:
 * `POST /login` (admin bootstrap), `POST /refresh` (rotation),
 * `POST /fleet/sessions` (agents, behind the shared fleet secret). Whether
 * login is enabled, and the fleet secret, are checked before the body is
 * read: a caller without them learns nothing from the body's validation.
 */
import type { Request, Response } from 'express';
import { inject } from 'inversify';
import { httpPost, request, response } from 'inversify-express-utils';
import { TYPES } from '../../identifiers.js';
import type { Logger } from '../../logging/Logger.js';
import { assertFleetSecret, type FleetService } from '../../services/FleetService.js';
import { assertPasswordLogin, type LoginService } from '../../services/LoginService.js';
import type { RefreshService } from '../../services/RefreshService.js';
import { AUTH_BASE_PATH } from '../authBasePath.js';
import { gate } from '../guard/gate.js';
import { clientIpOf, rateLimited } from '../guard/rateLimited.js';
import { jsonBody } from '../jsonBody.js';
import { noStore } from '../noStore.js';
import { respond } from '../respond.js';
import { fleetSessionRequest } from '../schemas/fleetSessionRequest.js';
import { loginRequest } from '../schemas/loginRequest.js';
import { refreshRequest } from '../schemas/refreshRequest.js';
import { scopedController } from '../scopedController.js';

const passwordLoginEnabled = gate('passwordLoginEnabled', (container) => {
  const settings = container.get(TYPES.ServerAuthSettings);
  return () => assertPasswordLogin(settings);
});

const fleetSecret = gate('fleetSecret', (container) => {
  const settings = container.get(TYPES.ServerAuthSettings);
  return (req) => assertFleetSecret(settings, req.get('X-Fleet-Secret'));
});

const loginLimit = rateLimited('login', 'email');
const refreshLimit = rateLimited('refresh');
const fleetLimit = rateLimited('fleet_sessions', 'session_id');

@scopedController(AUTH_BASE_PATH)
export class PicoSessionController {
  constructor(
    @inject(TYPES.LoginService) private readonly logins: LoginService,
    @inject(TYPES.RefreshService) private readonly refreshes: RefreshService,
    @inject(TYPES.FleetService) private readonly fleet: FleetService,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  @httpPost('/login', noStore, jsonBody, loginLimit, passwordLoginEnabled)
  async login(@request() req: Request, @response() res: Response): Promise<void> {
    await respond(res, this.logger, () => this.logins.login(loginRequest.parse(req.body), { ip: clientIpOf(res) }));
  }

  @httpPost('/refresh', noStore, jsonBody, refreshLimit)
  async refresh(@request() req: Request, @response() res: Response): Promise<void> {
    await respond(res, this.logger, () => this.refreshes.refresh(refreshRequest.parse(req.body)));
  }

  @httpPost('/fleet/sessions', noStore, jsonBody, fleetLimit, fleetSecret)
  async fleetSession(@request() req: Request, @response() res: Response): Promise<void> {
    await respond(res, this.logger, () => this.fleet.mintSession(fleetSessionRequest.parse(req.body)));
  }
}
