/**
 * @module http/schemas/refreshRequest
 * `POST /refresh` body.
 */
import type { RefreshRequest } from '../../services/RefreshService.js';
import { requestParser, type RequestParser } from '../validation/requestParser.js';
import { BODY_MUST_BE_OBJECT } from './bodyObject.js';

export const refreshRequest: RequestParser<RefreshRequest> = requestParser<RefreshRequest, RefreshRequest>({
  route: 'POST /refresh',
  part: 'body',
  schema: {
    type: 'object',
    description: 'Exchanges a refresh token (single-use) for a new token pair.',
    required: ['refresh_token'],
    properties: {
      refresh_token: { type: 'string', minLength: 1, description: 'The refresh token of the last pair issued.' },
    },
  },
  details: [
    BODY_MUST_BE_OBJECT,
    { fields: ['refresh_token'], failures: ['missing', 'type'], detail: 'refresh_token required' },
  ],
  toInput: ({ refresh_token }) => ({ refresh_token }),
});
