/**
 * @module wallet/KeyObjectCache
 * A small least-recently-used map from public-key bytes to the parsed
 * `KeyObject`, for keys whose import costs more than the lookup (OpenSSL
 * takes about 90 µs to decode a secp256k1 SPKI key, on the event loop).
 */
import type { KeyObject } from 'node:crypto';

export class KeyObjectCache {
  readonly #entries = new Map<string, KeyObject>();

  constructor(private readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('capacity must be at least 1');
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The cached key for `publicKey`, else `create()`'s (cached; a throw is passed on and not cached). */
  get(publicKey: Uint8Array, create: () => KeyObject): KeyObject {
    const id = Buffer.from(publicKey.buffer, publicKey.byteOffset, publicKey.byteLength).toString('latin1');
    const hit = this.#entries.get(id);
    if (hit !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry most recent.
      this.#entries.delete(id);
      this.#entries.set(id, hit);
      return hit;
    }
    const key = create();
    if (this.#entries.size >= this.capacity) {
      this.#entries.delete(this.#entries.keys().next().value as string);
    }
    this.#entries.set(id, key);
    return key;
  }
}
