/**
 * @module http/controllers/PicoTokenAdminController
 * Operator endpoints behind the bearer guard: `POST /revoke`,
 * `GET /revoked-jtis` (also for validators' `service` tokens), `GET /mints`.
 * The guard is route middleware and runs before the body or query is read.
 */
import type { Request, Response } from 'express';
import { inject } from 'inversify';
import { httpGet, httpPost, request, response } from 'inversify-express-utils';
import { TYPES } from '../../identifiers.js';
import type { Logger } from '../../logging/Logger.js';
import type { TokenAdminService } from '../../services/TokenAdminService.js';
import { AUTH_BASE_PATH } from '../authBasePath.js';
import { callerOf } from '../guard/authenticatedRequest.js';
import { ADMIN_ROLE, requireRoles } from '../guard/requireRoles.js';
import { jsonBody } from '../jsonBody.js';
import { respond, respondCached } from '../respond.js';
import { mintsQuery } from '../schemas/mintsQuery.js';
import { revokedJtisQuery } from '../schemas/revokedJtisQuery.js';
import { revokeRequest } from '../schemas/revokeRequest.js';
import { scopedController } from '../scopedController.js';

const operators = requireRoles(ADMIN_ROLE);
/** Validators' `service` tokens read the feed, as do operators. */
const feedReaders = requireRoles('service', ADMIN_ROLE);

@scopedController(AUTH_BASE_PATH)
export class PicoTokenAdminController {
  constructor(
    @inject(TYPES.TokenAdminService) private readonly admin: TokenAdminService,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  @httpPost('/revoke', jsonBody, operators)
  async revoke(@request() req: Request, @response() res: Response): Promise<void> {
    await respond(res, this.logger, () => this.admin.revoke(callerOf(res), revokeRequest.parse(req.body)));
  }

  /** Polled by validators: answers 304 when their `If-None-Match` still holds. */
  @httpGet('/revoked-jtis', feedReaders)
  async revokedJtis(@request() req: Request, @response() res: Response): Promise<void> {
    await respondCached(req, res, this.logger, 'no-cache', () => this.admin.revokedJtis(revokedJtisQuery.parse(req.query)));
  }

  @httpGet('/mints', operators)
  async mints(@request() req: Request, @response() res: Response): Promise<void> {
    await respond(res, this.logger, () => this.admin.liveMints(mintsQuery.parse(req.query)));
  }
}
