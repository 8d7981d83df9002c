/**
 * @module http/schemas/revokeRequest
 * `POST /revoke` body.
 */
import type { RevokeRequest } from '../../services/TokenAdminService.js';
import { requestParser, type RequestParser } from '../validation/requestParser.js';
import { BODY_MUST_BE_OBJECT } from './bodyObject.js';

const MAX_JTI_LENGTH = 256;
const MAX_REASON_LENGTH = 1024;

interface RevokeWire {
  readonly jti: string;
  readonly reason?: string | null;
  readonly exp?: number;
}

export const revokeRequest: RequestParser<RevokeRequest> = requestParser<RevokeWire, RevokeRequest>({
  route: 'POST /revoke',
  part: 'body',
  schema: {
    type: 'object',
    description: 'Revokes one token by its jti; revoking again returns the original entry.',
    required: ['jti'],
    properties: {
      jti: { type: 'string', minLength: 1, maxLength: MAX_JTI_LENGTH, description: 'The jti claim of the token to revoke.' },
      reason: { type: ['string', 'null'], maxLength: MAX_REASON_LENGTH, description: 'Why, for the revocation feed.' },
      exp: {
        type: 'integer',
        minimum: 1,
        maximum: Number.MAX_SAFE_INTEGER,
        description: "The token's expiry in epoch seconds; the entry leaves the feed once the token has expired.",
      },
    },
  },
  details: [
    BODY_MUST_BE_OBJECT,
    { fields: ['jti'], failures: ['missing', 'type'], detail: 'jti required' },
    { fields: ['jti'], failures: ['tooLong'], detail: `jti must be at most ${MAX_JTI_LENGTH} characters` },
    { fields: ['reason'], failures: ['type'], detail: 'reason must be a string' },
    { fields: ['reason'], failures: ['tooLong'], detail: `reason must be at most ${MAX_REASON_LENGTH} characters` },
    { fields: ['exp'], failures: ['missing', 'type', 'range'], detail: "exp must be the token's expiry in epoch seconds" },
  ],
  toInput: ({ jti, reason, exp }) => ({ jti, reason: reason ?? null, ...(exp === undefined ? {} : { exp }) }),
});
