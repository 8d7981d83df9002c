/**
 * @module validator/createValidator
 * A validator for resource servers that accept this server's access tokens:
 * keys from the issuer's JWKS (see JwksCache), revocations from its feed
 * (see RevocationPoller), and the checks in the order that reveals least:
 * the header (algorithm, token kind) before any key lookup, the signature
 * before the claims, and revocation last.
 */
import { checkAccessClaims } from './checkAccessClaims.js';
import type { AccessClaims } from './AccessClaims.js';
import { decodeJws } from './decodeJws.js';
import { Endpoints } from './Endpoints.js';
import { JwksCache } from './JwksCache.js';
import { requireAuth } from './requireAuth.js';
import { RevocationPoller } from './RevocationPoller.js';
import { SignatureCache } from './SignatureCache.js';
import type { RequireAuthOptions, Validator } from './Validator.js';
import { InvalidTokenError, invalidToken } from './ValidatorError.js';
import { resolveOptions, type ValidatorOptions } from './ValidatorOptions.js';
import { isValidatorAlgorithm } from './verificationKey.js';

/** Header `typ` of the server's access tokens; refresh tokens carry `refresh+jwt` (RFC 8725 section 3.11). */
const ACCESS_TOKEN_TYP = 'JWT';
const REFRESH_TOKEN_TYP = 'refresh+jwt';

export function createValidator(input: ValidatorOptions): Validator {
  const options = resolveOptions(input);
  const endpoints = new Endpoints(options);
  const jwks = new JwksCache(options, endpoints);
  const verified = new SignatureCache(options.signatureCacheSize, options.now);
  const revocations =
    options.revocation === undefined ? undefined : new RevocationPoller(options, options.revocation, endpoints);

  const verify = async (token: string): Promise<AccessClaims> => {
    if (typeof token !== 'string' || token === '') throw new InvalidTokenError('missing', 'missing bearer token');
    const jws = decodeJws(token);
    // `none`, HMAC (a public key used as the secret) and anything else end here, before a key is looked at.
    if (!isValidatorAlgorithm(jws.header.alg)) throw invalidToken('alg_not_allowed', 'algorithm not allowed');
    const typ = jws.header['typ'];
    if (typ === REFRESH_TOKEN_TYP) throw invalidToken('refresh_token', 'refresh tokens are not accepted here');
    if (typ !== ACCESS_TOKEN_TYP) throw invalidToken('typ_invalid', 'typ header invalid');
    if (!verified.has(token)) {
      const kid = jws.header['kid'];
      const key = typeof kid === 'string' && kid !== '' ? await jwks.key(kid) : undefined;
      if (key === undefined) throw invalidToken('unknown_kid', 'unknown kid');
      // A downgrade to another of the issuer's algorithms under this key is refused too.
      if (key.alg !== jws.header.alg) throw invalidToken('alg_not_allowed', 'algorithm not allowed');
      await key.verify(token, jws.signingInput, jws.signature);
      verified.add(token);
    }
    const claims = checkAccessClaims(jws.payload, {
      issuer: options.issuer,
      audience: options.audience,
      clockToleranceSeconds: options.clockToleranceSeconds,
      maxTokenLifetimeSeconds: options.maxTokenLifetimeSeconds,
      now: options.now(),
    });
    await revocations?.check(claims.jti);
    return claims;
  };

  return {
    verify,
    requireAuth: (authOptions?: RequireAuthOptions) => requireAuth(verify, authOptions),
    close: async (): Promise<void> => {
      await revocations?.close();
    },
  };
}
