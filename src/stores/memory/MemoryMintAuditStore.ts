/**
 * @module stores/memory/MemoryMintAuditStore
 * Mint records in memory, at most `maxEntries` (the oldest are dropped first).
 */
import type { MintAuditStore, MintRecord } from '../MintAuditStore.js';

export class MemoryMintAuditStore implements MintAuditStore {
  /** Keyed by jti; insertion order is mint order. */
  protected readonly records = new Map<string, MintRecord>();

  constructor(private readonly maxEntries: number) {
    if (!(maxEntries > 0)) throw new RangeError('maxEntries must be positive');
  }

  async record(mint: MintRecord): Promise<void> {
    this.apply(mint);
  }

  async listLive(nowSeconds: number, limit: number): Promise<readonly MintRecord[]> {
    const live: MintRecord[] = [];
    for (const record of [...this.records.values()].reverse()) {
      if (live.length >= limit) break;
      if (record.exp > nowSeconds) live.push(record);
    }
    return live;
  }

  protected apply(mint: MintRecord): void {
    if (this.records.has(mint.jti)) return;
    this.records.set(mint.jti, Object.freeze({ ...mint }));
    for (const oldest of this.records.keys()) {
      if (this.records.size <= this.maxEntries) break;
      this.records.delete(oldest);
    }
  }
}
