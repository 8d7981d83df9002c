/**
 * @module stores/memory/MemoryRevocationStore
 * The denylist in this process's memory: lost on restart. Set
 * `revocation_store_path` for a durable one.
 */
import type { RevocationEntry, RevocationStore } from '../RevocationStore.js';

export class MemoryRevocationStore implements RevocationStore {
  /** Insertion order is revocation order. */
  protected readonly entries = new Map<string, RevocationEntry>();

  async revoke(entry: RevocationEntry): Promise<RevocationEntry> {
    return this.entries.get(entry.jti) ?? this.apply(entry);
  }

  async isRevoked(jti: string): Promise<boolean> {
    return this.entries.has(jti);
  }

  async list(): Promise<readonly RevocationEntry[]> {
    return [...this.entries.values()].reverse();
  }

  /** Stores `entry` unless its jti is known; returns the stored entry. */
  protected apply(entry: RevocationEntry): RevocationEntry {
    const existing = this.entries.get(entry.jti);
    if (existing !== undefined) return existing;
    const frozen = Object.freeze({ ...entry });
    this.entries.set(entry.jti, frozen);
    return frozen;
  }
}
