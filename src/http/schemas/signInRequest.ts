/**
 * @module http/schemas/signInRequest
 * `POST /sign-in` body. Only the shape is checked here; hex, lengths and the
 * algorithm's availability depend on the algorithm and are the service's,
 * after this and before the challenge is consumed (CONTRACT.md order).
 */
import type { SignInRequest } from '../../services/SignInService.js';
import { requestParser, type RequestParser } from '../validation/requestParser.js';
import { BODY_MUST_BE_OBJECT } from './bodyObject.js';

/** The algorithm when the client names none (CONTRACT.md "sign-in"). */
export const DEFAULT_WALLET_ALGORITHM = 'ML-DSA-65';

const REQUIRED = ['address', 'public_key', 'signature', 'challenge'] as const;

interface SignInWire extends Omit<SignInRequest, 'algorithm'> {
  readonly algorithm?: string | null;
}

const text = (description: string): object => ({ type: 'string', minLength: 1, description });

export const signInRequest: RequestParser<SignInRequest> = requestParser<SignInWire, SignInRequest>({
  route: 'POST /sign-in',
  part: 'body',
  schema: {
    type: 'object',
    description: 'A signature over a challenge from POST /challenge, exchanged for tokens.',
    required: [...REQUIRED],
    properties: {
      address: text('The address the challenge was issued for; must belong to the public key.'),
      public_key: text('The public key, hex (any case, optional 0x).'),
      signature: text('The signature over the UTF-8 bytes of the challenge, hex (any case, optional 0x).'),
      challenge: text('The challenge exactly as POST /challenge returned it.'),
      algorithm: {
        type: ['string', 'null'],
        default: DEFAULT_WALLET_ALGORITHM,
        description: 'Wallet signature algorithm; must be enabled in supported_wallet_algorithms.',
      },
    },
  },
  details: [
    BODY_MUST_BE_OBJECT,
    { fields: REQUIRED, failures: ['missing'], detail: 'address, public_key, signature, and challenge required' },
    { fields: REQUIRED, failures: ['type'], detail: 'address, public_key, signature, and challenge must be strings' },
    { fields: ['algorithm'], failures: ['type'], detail: 'algorithm must be a string' },
  ],
  toInput: ({ address, public_key, signature, challenge, algorithm }) => ({
    address,
    public_key,
    signature,
    challenge,
    algorithm: algorithm ?? DEFAULT_WALLET_ALGORITHM,
  }),
});
