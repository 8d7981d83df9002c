/**
 * @module tokens/algorithms/nodeJwsAlgorithm
 * The shape shared by the algorithms node:crypto (OpenSSL) signs and verifies:
 * keys are `KeyObject`s parsed once at import, and both operations use the
 * callback forms of `crypto.sign`/`crypto.verify`, so the private- and
 * public-key work runs on the libuv thread pool instead of the event loop.
 * Each algorithm file keeps only what is its own: key type, generation,
 * the fit check and the RFC 7518 digest and signature encoding.
 */
import { createPrivateKey, createPublicKey, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import type { TokenAlgorithm } from '../../algorithms/names.js';
import { openSslVerify } from '../../crypto/openSslVerify.js';
import type { JwsAlgorithm } from './JwsAlgorithm.js';

export interface NodeJwsSpec<A extends TokenAlgorithm> {
  readonly alg: A;
  readonly jwk: { readonly kty: string; readonly members: readonly string[] };
  /** A fresh private key. */
  readonly generateKey: () => Promise<KeyObject>;
  /** Why `key` does not fit `alg`, or undefined when it does. */
  readonly misfit: (key: KeyObject) => string | undefined;
  /** RFC 7518 section 3.1: the digest `alg` names (null: the scheme hashes itself, as EdDSA does). */
  readonly digest: 'sha256' | null;
  /** ECDSA signatures are r ‖ s in JWS (RFC 7518 section 3.4), not DER. */
  readonly dsaEncoding?: 'ieee-p1363';
}

export function nodeJwsAlgorithm<A extends TokenAlgorithm>(spec: NodeJwsSpec<A>): JwsAlgorithm<A, KeyObject, KeyObject> {
  return Object.freeze({
    alg: spec.alg,
    jwk: spec.jwk,

    async generate(): Promise<JWK> {
      return (await spec.generateKey()).export({ format: 'jwk' }) as JWK;
    },

    importKey(jwk: Readonly<JWK>) {
      let privateKey: KeyObject;
      try {
        privateKey = createPrivateKey({ key: { ...jwk } as JsonWebKey, format: 'jwk' });
      } catch (cause) {
        throw new TypeError(`not a private ${spec.alg} key: ${(cause as Error).message}`, { cause });
      }
      const misfit = spec.misfit(privateKey);
      if (misfit !== undefined) throw new TypeError(misfit);
      const publicKey = createPublicKey(privateKey);
      return { privateKey, publicKey, publicMembers: publicKey.export({ format: 'jwk' }) as JWK };
    },

    sign(privateKey: KeyObject, signingInput: Uint8Array): Promise<Uint8Array> {
      const key = spec.dsaEncoding === undefined ? privateKey : { key: privateKey, dsaEncoding: spec.dsaEncoding };
      return new Promise((resolve, reject) => {
        sign(spec.digest, signingInput, key, (error, signature) => {
          if (error !== null) reject(error);
          else resolve(signature);
        });
      });
    },

    verify(publicKey: KeyObject, signingInput: Uint8Array, signature: Uint8Array): Promise<boolean> {
      return openSslVerify(spec.digest, signingInput, publicKey, signature, spec.dsaEncoding);
    },
  });
}
