/**
 * @module http/controllers/PicoTokenAdminController
 * Operator endpoints behind the bearer guard: `POST /revoke`,
 * `GET /revoked-jtis` (also for validators' `service` tokens), `GET /mints`.
 */
import type { Request, Response } from 'express';
import { inject } from 'inversify';
import { httpGet, httpPost, request, response } from 'inversify-express-utils';
import type { ServerAuthSettings } from '../../config/ServerAuthSettings.js';
import type { BearerGuard } from '../../guard/BearerGuard.js';
import { TYPES } from '../../identifiers.js';
import type { Logger } from '../../logging/Logger.js';
import type { TokenAdminService } from '../../services/TokenAdminService.js';
import { AUTH_BASE_PATH } from '../authBasePath.js';
import { jsonBody } from '../jsonBody.js';
import { respond, respondCached } from '../respond.js';
import { scopedController } from '../scopedController.js';

@scopedController(AUTH_BASE_PATH)
export class PicoTokenAdminController {
  constructor(
    @inject(TYPES.ServerAuthSettings) private readonly settings: ServerAuthSettings,
    @inject(TYPES.BearerGuard) private readonly guard: BearerGuard,
    @inject(TYPES.TokenAdminService) private readonly admin: TokenAdminService,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  @httpPost('/revoke', jsonBody)
  async revoke(@request() req: Request, @response() res: Response): Promise<void> {
    await respond(res, this.logger, async () => {
      const caller = await this.guard.authorize(req.headers.authorization, [this.settings.admin_role]);
      return this.admin.revoke(caller, req.body);
    });
  }

  /** Polled by validators: answers 304 when their `If-None-Match` still holds. */
  @httpGet('/revoked-jtis')
  async revokedJtis(@request() req: Request, @response() res: Response): Promise<void> {
    await respondCached(req, res, this.logger, 'no-cache', async () => {
      await this.guard.authorize(req.headers.authorization, this.admin.feedRoles);
      return this.admin.revokedJtis(req.query['since']);
    });
  }

  @httpGet('/mints')
  async mints(@request() req: Request, @response() res: Response): Promise<void> {
    await respond(res, this.logger, async () => {
      await this.guard.authorize(req.headers.authorization, [this.settings.admin_role]);
      return this.admin.liveMints(req.query['limit']);
    });
  }
}
