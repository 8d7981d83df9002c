/**
 * @module validator/mlDsa65Verifier
 * ML-DSA-65 signature checks (FIPS 204, pure, empty context) for tokens.
 * The reference is @noble/post-quantum (pure JS, always there). When the
 * optional `@oqs/liboqs-js` is installed (Open Quantum Safe's WASM build,
 * several times faster) it is used instead, but only after it agreed with
 * noble on a known-answer self-test: a build that disagrees is never trusted.
 * Both take `(publicKey, message, signature)` and return false, never throw,
 * on anything invalid.
 */
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';

export type MlDsa65Verify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean;

/** Which implementation to use: `auto` tries liboqs first. */
export type MlDsa65EngineChoice = 'auto' | 'noble';

/** FIPS 204 Table 2 sizes: anything else is refused before any engine runs. */
export const ML_DSA_65_PUBLIC_KEY_LENGTH = 1952;
export const ML_DSA_65_SIGNATURE_LENGTH = 3309;
/** Pure mode with the empty context (FIPS 204 section 5.2), stated rather than left to a library default. */
const EMPTY_CONTEXT = new Uint8Array(0);

const sized = (verify: MlDsa65Verify): MlDsa65Verify => (publicKey, message, signature) => {
  if (publicKey.length !== ML_DSA_65_PUBLIC_KEY_LENGTH || signature.length !== ML_DSA_65_SIGNATURE_LENGTH) return false;
  try {
    return verify(publicKey, message, signature);
  } catch {
    return false;
  }
};

// noble-post-quantum 0.7 argument order: (signature, message, publicKey, options).
export const nobleMlDsa65Verify: MlDsa65Verify = sized((publicKey, message, signature) =>
  ml_dsa65.verify(signature, message, publicKey, { context: EMPTY_CONTEXT }),
);

/** The slice of `@oqs/liboqs-js/sig` used here. */
interface OqsSig {
  verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean;
}

/** liboqs checks `constructor.name === 'Uint8Array'`, so Buffers and subarrays of them are copied. */
const plain = (bytes: Uint8Array): Uint8Array => (bytes.constructor === Uint8Array ? bytes : Uint8Array.from(bytes));

/** A signature noble made must pass, and fail with one bit flipped in the signature or the message. */
function agreesWithNoble(verify: MlDsa65Verify): boolean {
  const { publicKey, secretKey } = ml_dsa65.keygen(new Uint8Array(32).fill(0x33));
  const message = new TextEncoder().encode('pico-server-auth/validator ML-DSA-65 self-test');
  const signature = ml_dsa65.sign(message, secretKey, { context: EMPTY_CONTEXT, extraEntropy: false });
  const flip = (bytes: Uint8Array, at: number): Uint8Array => {
    const copy = Uint8Array.from(bytes);
    copy[at] = (copy[at] as number) ^ 1;
    return copy;
  };
  return verify(publicKey, message, signature) && !verify(publicKey, message, flip(signature, 7)) && !verify(publicKey, flip(message, 0), signature);
}

async function loadLiboqs(): Promise<MlDsa65Verify | undefined> {
  // A variable specifier: the package is optional, so neither tsc nor a bundler may insist on it.
  const specifier = '@oqs/liboqs-js/sig';
  try {
    const module = (await import(specifier)) as { createMLDSA65(): Promise<OqsSig> };
    const oqs = await module.createMLDSA65();
    const verify = sized((publicKey, message, signature) => oqs.verify(plain(message), plain(signature), plain(publicKey)));
    return agreesWithNoble(verify) ? verify : undefined;
  } catch {
    return undefined;
  }
}

let auto: Promise<MlDsa65Verify> | undefined;

/** The verifier for `choice`; the liboqs probe runs once per process. */
export function mlDsa65Verifier(choice: MlDsa65EngineChoice): Promise<MlDsa65Verify> {
  if (choice === 'noble') return Promise.resolve(nobleMlDsa65Verify);
  auto ??= loadLiboqs().then((liboqs) => liboqs ?? nobleMlDsa65Verify);
  return auto;
}
