/**
 * @module http/schemas/loginRequest
 * `POST /login` body.
 */
import type { LoginRequest } from '../../services/LoginService.js';
import { requestParser, type RequestParser } from '../validation/requestParser.js';
import { BODY_MUST_BE_OBJECT } from './bodyObject.js';

export const loginRequest: RequestParser<LoginRequest> = requestParser<LoginRequest, LoginRequest>({
  route: 'POST /login',
  part: 'body',
  schema: {
    type: 'object',
    description: 'Password login of the bootstrap administrator (only when auto_create_admin is on).',
    required: ['email', 'password'],
    properties: {
      email: { type: 'string', minLength: 1, description: 'admin_email; compared case-insensitively.' },
      password: { type: 'string', minLength: 1, description: 'admin_password.' },
    },
  },
  details: [
    BODY_MUST_BE_OBJECT,
    { fields: ['email', 'password'], failures: ['missing', 'type'], detail: 'email and password required' },
  ],
  toInput: ({ email, password }) => ({ email, password }),
});
