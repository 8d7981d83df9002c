/**
 * @module http/schemas/mintsQuery
 * `GET /mints` query. The range 1..1000 is checked on the number once the
 * digits have been validated (JSON Schema cannot bound a number spelled as a
 * string); both failures give the one contract detail.
 */
import { InvalidRequest } from '../../errors/errors.js';
import type { MintsQuery } from '../../services/TokenAdminService.js';
import { requestParser, type RequestParser } from '../validation/requestParser.js';
import { digitsSchema, digitsValue } from './digitsQuery.js';

export const DEFAULT_MINTS_LIMIT = 200;
export const MAX_MINTS_LIMIT = 1000;
const LIMIT_DETAIL = `limit must be an integer from 1 to ${MAX_MINTS_LIMIT}`;

export const mintsQuery: RequestParser<MintsQuery> = requestParser<{ limit?: string }, MintsQuery>({
  route: 'GET /mints',
  part: 'query',
  schema: {
    type: 'object',
    description: 'How many live mints to list.',
    properties: {
      limit: digitsSchema(7, `Integer from 1 to ${MAX_MINTS_LIMIT}; default ${DEFAULT_MINTS_LIMIT}.`),
    },
  },
  details: [{ fields: ['', 'limit'], failures: ['type', 'pattern'], detail: LIMIT_DETAIL }],
  toInput: ({ limit }) => {
    if (limit === undefined) return { limit: DEFAULT_MINTS_LIMIT };
    const value = digitsValue(limit);
    if (!(value >= 1 && value <= MAX_MINTS_LIMIT)) throw new InvalidRequest(LIMIT_DETAIL);
    return { limit: value };
  },
});
