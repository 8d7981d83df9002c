/**
 * @module stores/memory/MemoryChallengeStore
 * Single-process challenge store with TTL expiry and a hard bound on pending
 * challenges. Development default: challenges live in this process only, so
 * several instances need a shared store (see the README).
 */
import { createHash, randomBytes } from 'node:crypto';
import { ServiceUnavailable } from '../../errors/errors.js';
import type { Clock } from '../../time/Clock.js';
import type { ChallengeStore } from '../ChallengeStore.js';

export interface MemoryChallengeStoreOptions {
  readonly ttlSeconds: number;
  readonly maxPending: number;
  readonly clock: Clock;
}

interface Pending {
  /** SHA-256 of the lowercased address: constant size whatever the key length. */
  readonly addressDigest: string;
  readonly expiresAt: number;
}

/**
 * Entries are keyed by the SHA-256 of the nonce, so a lookup's timing says
 * nothing useful about the nonce itself (the map's hashing is not constant-time).
 */
function digest(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('base64');
}

export class MemoryChallengeStore implements ChallengeStore {
  // Insertion order is expiry order because every entry has the same TTL,
  // which lets expired entries be dropped from the front in O(expired).
  readonly #pending = new Map<string, Pending>();
  readonly #options: MemoryChallengeStoreOptions;

  constructor(options: MemoryChallengeStoreOptions) {
    if (!(options.ttlSeconds > 0) || !(options.maxPending > 0)) {
      throw new RangeError('ttlSeconds and maxPending must be positive');
    }
    this.#options = options;
  }

  /** Number of challenges currently held (including expired ones not yet dropped). */
  get size(): number {
    return this.#pending.size;
  }

  async create(address: string): Promise<string> {
    if (this.#pending.size >= this.#options.maxPending) {
      this.#dropExpired();
      if (this.#pending.size >= this.#options.maxPending) {
        throw new ServiceUnavailable('too many pending challenges, retry later', {
          headers: { 'Retry-After': String(this.#options.ttlSeconds) },
        });
      }
    }
    const nonce = randomBytes(32).toString('hex');
    this.#pending.set(digest(nonce), {
      addressDigest: digest(address.toLowerCase()),
      expiresAt: this.#options.clock.now() + this.#options.ttlSeconds * 1000,
    });
    return nonce;
  }

  async validate(address: string, nonce: string): Promise<boolean> {
    const key = digest(nonce);
    const entry = this.#pending.get(key);
    if (entry === undefined || entry.addressDigest !== digest(address.toLowerCase())) {
      return false;
    }
    // Read and delete run in one synchronous step: no other request can
    // interleave, so a nonce is consumed at most once.
    this.#pending.delete(key);
    return entry.expiresAt > this.#options.clock.now();
  }

  async cleanup(): Promise<number> {
    return this.#dropExpired();
  }

  #dropExpired(): number {
    const now = this.#options.clock.now();
    let removed = 0;
    for (const [key, entry] of this.#pending) {
      if (entry.expiresAt > now) break;
      this.#pending.delete(key);
      removed += 1;
    }
    return removed;
  }
}
