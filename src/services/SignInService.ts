/**
 * @module services/SignInService
 * Wallet challenge-response login: hand out a challenge, then exchange a
 * signature over it for tokens. Requests arrive parsed and typed (the HTTP
 * layer validated their shape, see `http/schemas/`). The checks left here
 * depend on the algorithm and run in CONTRACT.md's order: hex, lengths, then
 * the challenge is consumed, then address and signature; so a malformed
 * request burns nothing.
 */
import { inject, injectable } from 'inversify';
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';
import { AddressMismatch, InvalidChallenge, InvalidSignature } from '../errors/errors.js';
import { TYPES } from '../identifiers.js';
import type { ChallengeStore } from '../stores/ChallengeStore.js';
import type { TokenIssuer, TokenPair } from '../tokens/TokenIssuer.js';
import { decodeHex } from '../wallet/hex.js';
import type { WalletAlgorithm } from '../wallet/WalletAlgorithm.js';
import type { WalletVerifier } from '../wallet/WalletVerifier.js';

/** `POST /challenge`. */
export interface ChallengeRequest {
  /** The address the challenge is for, as the client names it (non-empty). */
  readonly address: string;
}

/** `POST /sign-in`: every field present and non-empty; hex and lengths are not checked yet. */
export interface SignInRequest {
  readonly address: string;
  /** Hex, optional `0x`. */
  readonly public_key: string;
  /** Hex, optional `0x`. */
  readonly signature: string;
  readonly challenge: string;
  /** Any string: whether it is a known, enabled algorithm is the verifier's answer. */
  readonly algorithm: string;
}

export interface ChallengeResponse {
  readonly challenge: string;
  readonly ttl: number;
}

export interface SignInResponse extends TokenPair {
  readonly address: string;
  readonly algorithm: WalletAlgorithm;
}

export interface SignInService {
  challenge(request: ChallengeRequest): Promise<ChallengeResponse>;
  signIn(request: SignInRequest): Promise<SignInResponse>;
}

@injectable()
export class WalletSignInService implements SignInService {
  constructor(
    @inject(TYPES.ServerAuthSettings) private readonly settings: ServerAuthSettings,
    @inject(TYPES.ChallengeStore) private readonly challenges: ChallengeStore,
    @inject(TYPES.WalletVerifier) private readonly verifier: WalletVerifier,
    @inject(TYPES.TokenIssuer) private readonly tokens: TokenIssuer,
  ) {}

  async challenge(request: ChallengeRequest): Promise<ChallengeResponse> {
    const challenge = await this.challenges.create(request.address);
    return { challenge, ttl: this.settings.challenge_ttl_seconds };
  }

  async signIn(request: SignInRequest): Promise<SignInResponse> {
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
