/**
 * @module http/schemas/revokedJtisQuery
 * `GET /revoked-jtis` query.
 */
import type { RevokedJtisQuery } from '../../services/TokenAdminService.js';
import { requestParser, type RequestParser } from '../validation/requestParser.js';
import { digitsSchema, digitsValue } from './digitsQuery.js';

export const revokedJtisQuery: RequestParser<RevokedJtisQuery> = requestParser<{ since?: string }, RevokedJtisQuery>({
  route: 'GET /revoked-jtis',
  part: 'query',
  schema: {
    type: 'object',
    description: 'Which part of the revocation feed to return.',
    properties: {
      since: digitsSchema(
        12,
        'Epoch seconds: only entries revoked at or after it (pass the largest revoked_at seen; dedupe by jti). Default 0.',
      ),
    },
  },
  details: [{ fields: ['', 'since'], failures: ['type', 'pattern'], detail: 'since must be epoch seconds' }],
  toInput: ({ since }) => ({ since: since === undefined ? 0 : digitsValue(since) }),
});
