/**
 * @module validator/verificationKey
 * One published JWK made ready to check signatures with, and the check.
 * Only the algorithms the server signs with are accepted, each with the key
 * type it must have; HMAC, `none` and anything else never reach a verifier.
 * RS256, ES256 and EdDSA go to jose with a one-algorithm allow-list.
 * ML-DSA-65 (RFC 9964 `AKP` keys) is checked by `mlDsa65Verifier` (noble, or
 * liboqs when installed), because jose has ML-DSA only where WebCrypto does
 * (Node >= 24.7): the signature is raw FIPS 204 ML-DSA-65, pure, empty
 * context, over the ASCII bytes of `header.payload`.
 */
import { compactVerify, errors as joseErrors, importJWK, type JWK } from 'jose';
import { decodeBase64url } from './decodeJws.js';
import { ML_DSA_65_PUBLIC_KEY_LENGTH, type MlDsa65Verify } from './mlDsa65Verifier.js';
import { invalidToken } from './ValidatorError.js';

/** The JWS `alg` values a token of this server can carry. */
export const VALIDATOR_ALGORITHMS = ['RS256', 'ES256', 'EdDSA', 'ML-DSA-65'] as const;
export type ValidatorAlgorithm = (typeof VALIDATOR_ALGORITHMS)[number];

/** The `kty` each algorithm's key must have (RFC 7518 section 6, RFC 8037, RFC 9964). */
const KEY_TYPE: Readonly<Record<ValidatorAlgorithm, string>> = { RS256: 'RSA', ES256: 'EC', EdDSA: 'OKP', 'ML-DSA-65': 'AKP' };

const ascii = new TextEncoder();

export interface VerificationKey {
  readonly kid: string;
  readonly alg: ValidatorAlgorithm;
  /** Resolves when the token's signature is valid; throws `InvalidTokenError` otherwise. */
  verify(token: string, signingInput: string, signature: Uint8Array): Promise<void>;
}

export function isValidatorAlgorithm(value: unknown): value is ValidatorAlgorithm {
  return typeof value === 'string' && (VALIDATOR_ALGORITHMS as readonly string[]).includes(value);
}

const badSignature = (cause?: unknown): Error => invalidToken('bad_signature', 'signature verification failed', cause);

function mlDsa65Key(kid: string, jwk: JWK, verifier: () => Promise<MlDsa65Verify>): VerificationKey | undefined {
  const pub = typeof jwk['pub'] === 'string' ? decodeBase64url(jwk['pub']) : undefined;
  if (pub === undefined || pub.length !== ML_DSA_65_PUBLIC_KEY_LENGTH) return undefined;
  return {
    kid,
    alg: 'ML-DSA-65',
    async verify(_token: string, signingInput: string, signature: Uint8Array): Promise<void> {
      const verify = await verifier();
      if (!verify(pub, ascii.encode(signingInput), signature)) throw badSignature();
    },
  };
}

async function joseKey(kid: string, alg: Exclude<ValidatorAlgorithm, 'ML-DSA-65'>, jwk: JWK): Promise<VerificationKey> {
  const key = await importJWK(jwk, alg);
  return {
    kid,
    alg,
    async verify(token: string): Promise<void> {
      try {
        await compactVerify(token, key, { algorithms: [alg] });
      } catch (cause) {
        if (cause instanceof joseErrors.JWSSignatureVerificationFailed) throw badSignature(cause);
        throw invalidToken('malformed', 'malformed token', cause);
      }
    },
  };
}

/**
 * The key for one JWKS entry, or undefined when it is not one we can use
 * (no `kid`, an `alg` we do not accept, a `kty` that does not fit the `alg`,
 * `use` other than `sig`, bad key material): such keys are skipped, never
 * guessed at, and a token naming them fails as `unknown kid`.
 */
export async function importVerificationKey(
  jwk: JWK,
  mlDsa65: () => Promise<MlDsa65Verify>,
): Promise<VerificationKey | undefined> {
  const { kid, alg, kty, use } = jwk;
  if (typeof kid !== 'string' || kid === '' || !isValidatorAlgorithm(alg) || kty !== KEY_TYPE[alg]) return undefined;
  if (use !== undefined && use !== 'sig') return undefined;
  if (alg === 'ML-DSA-65') return mlDsa65Key(kid, jwk, mlDsa65);
  try {
    return await joseKey(kid, alg, jwk);
  } catch {
    return undefined;
  }
}
