/**
 * @module services/SignInService
 * Wallet challenge-response login: hand out a challenge, then exchange a
 * signature over it for tokens. The order of checks is CONTRACT.md's: every
 * syntax check runs before the challenge is consumed, so a malformed request
 * burns nothing.
 */
import { inject, injectable } from 'inversify';
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';
import { AddressMismatch, InvalidChallenge, InvalidRequest, InvalidSignature } from '../errors/errors.js';
import { TYPES } from '../identifiers.js';
import type { ChallengeStore } from '../stores/ChallengeStore.js';
import type { TokenIssuer, TokenPair } from '../tokens/TokenIssuer.js';
import { decodeHex } from '../wallet/hex.js';
import type { WalletAlgorithm } from '../wallet/WalletAlgorithm.js';
import type { WalletVerifier } from '../wallet/WalletVerifier.js';
import { requireObject } from './requireObject.js';

/** Longest address accepted: an ML-DSA-65 key in hex with `0x` fits. */
const MAX_ADDRESS_LENGTH = 4096;

export interface ChallengeResponse {
  readonly challenge: string;
  readonly ttl: number;
}

export interface SignInResponse extends TokenPair {
  readonly address: string;
  readonly algorithm: WalletAlgorithm;
}

export interface SignInService {
  challenge(body: unknown): Promise<ChallengeResponse>;
  signIn(body: unknown): Promise<SignInResponse>;
}

const DEFAULT_ALGORITHM: WalletAlgorithm = 'ML-DSA-65';
const SIGN_IN_FIELDS = ['address', 'public_key', 'signature', 'challenge'] as const;

@injectable()
export class WalletSignInService implements SignInService {
  constructor(
    @inject(TYPES.ServerAuthSettings) private readonly settings: ServerAuthSettings,
    @inject(TYPES.ChallengeStore) private readonly challenges: ChallengeStore,
    @inject(TYPES.WalletVerifier) private readonly verifier: WalletVerifier,
    @inject(TYPES.TokenIssuer) private readonly tokens: TokenIssuer,
  ) {}

  async challenge(body: unknown): Promise<ChallengeResponse> {
    const { address } = requireObject(body);
    if (address === undefined || address === null || address === '') {
      throw new InvalidRequest('address required');
    }
    if (typeof address !== 'string') {
      throw new InvalidRequest('address must be a string');
    }
    if (address.length > MAX_ADDRESS_LENGTH) {
      throw new InvalidRequest(`address must be at most ${MAX_ADDRESS_LENGTH} characters`);
    }
    const challenge = await this.challenges.create(address);
    return { challenge, ttl: this.settings.challenge_ttl_seconds };
  }

  async signIn(body: unknown): Promise<SignInResponse> {
    const request = parseSignIn(requireObject(body));
    const scheme = this.verifier.scheme(request.algorithm);
    const publicKey = decodeHex(request.public_key);
    const signature = decodeHex(request.signature);
    scheme.checkFormat(publicKey, signature);

    if (!(await this.challenges.validate(request.address, request.challenge))) {
      throw new InvalidChallenge();
    }
    if (!scheme.addressMatches(request.address, publicKey)) {
      throw new AddressMismatch();
    }
    const message = new TextEncoder().encode(request.challenge);
    if (!(await this.verifier.verify(scheme.algorithm, publicKey, message, signature))) {
      throw new InvalidSignature();
    }

    const address = scheme.canonicalAddress(publicKey);
    const tokens = await this.tokens.issueSession({
      sub: address,
      role: 'wallet',
      claims: { algorithm: scheme.algorithm, wallet_address: address },
    });
    return { ...tokens, address, algorithm: scheme.algorithm };
  }
}

interface SignInRequest {
  readonly address: string;
  readonly public_key: string;
  readonly signature: string;
  readonly challenge: string;
  readonly algorithm: string;
}

function parseSignIn(body: Readonly<Record<string, unknown>>): SignInRequest {
  const values = SIGN_IN_FIELDS.map((field) => body[field]);
  if (values.some((value) => value === undefined || value === null || value === '')) {
    throw new InvalidRequest('address, public_key, signature, and challenge required');
  }
  if (values.some((value) => typeof value !== 'string')) {
    throw new InvalidRequest('address, public_key, signature, and challenge must be strings');
  }
  const algorithm = body['algorithm'] ?? DEFAULT_ALGORITHM;
  if (typeof algorithm !== 'string') {
    throw new InvalidRequest('algorithm must be a string');
  }
  const [address, public_key, signature, challenge] = values as string[];
  return { address: address!, public_key: public_key!, signature: signature!, challenge: challenge!, algorithm };
}
