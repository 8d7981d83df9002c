/**
 * @module http/schemas/challengeRequest
 * `POST /challenge` body.
 */
import type { ChallengeRequest } from '../../services/SignInService.js';
import { requestParser, type RequestParser } from '../validation/requestParser.js';
import { BODY_MUST_BE_OBJECT } from './bodyObject.js';

/** Longest address accepted: an ML-DSA-65 key in hex with `0x` fits. */
export const MAX_ADDRESS_LENGTH = 4096;

export const challengeRequest: RequestParser<ChallengeRequest> = requestParser<ChallengeRequest, ChallengeRequest>({
  route: 'POST /challenge',
  part: 'body',
  schema: {
    type: 'object',
    description: 'Asks for a single-use challenge for a wallet address to sign.',
    required: ['address'],
    properties: {
      address: {
        type: 'string',
        minLength: 1,
        maxLength: MAX_ADDRESS_LENGTH,
        description: 'The wallet address the challenge is for (compared case-insensitively at sign-in).',
      },
    },
  },
  details: [
    BODY_MUST_BE_OBJECT,
    { fields: ['address'], failures: ['missing'], detail: 'address required' },
    { fields: ['address'], failures: ['type'], detail: 'address must be a string' },
    { fields: ['address'], failures: ['tooLong'], detail: `address must be at most ${MAX_ADDRESS_LENGTH} characters` },
  ],
  toInput: ({ address }) => ({ address }),
});
