/**
 * @module stores/memory/MemoryTokenFamilyStore
 * Refresh rotation state in memory. Entries are dropped once every token they
 * concern has expired (checked every `SWEEP_EVERY` writes).
 */
import type { Clock } from '../../time/Clock.js';
import { memberOnly, type FamilyMember, type TokenFamilyStore } from '../TokenFamilyStore.js';

const SWEEP_EVERY = 1024;

interface Family {
  members: FamilyMember[];
  revoked: boolean;
}

export class MemoryTokenFamilyStore implements TokenFamilyStore {
  protected readonly families = new Map<string, Family>();
  /** Used refresh jti -> its exp. */
  protected readonly used = new Map<string, number>();
  #writes = 0;

  constructor(private readonly clock: Clock) {}

  async add(family: string, members: readonly FamilyMember[]): Promise<boolean> {
    return this.applyAdd(family, members);
  }

  async useRefresh(jti: string, exp: number): Promise<boolean> {
    return this.applyUse(jti, exp);
  }

  async revokeFamily(family: string): Promise<readonly FamilyMember[]> {
    return this.applyRevoke(family);
  }

  protected applyAdd(family: string, members: readonly FamilyMember[]): boolean {
    const entry = this.families.get(family) ?? { members: [], revoked: false };
    if (entry.revoked) return false;
    entry.members.push(...members.map(memberOnly));
    this.families.set(family, entry);
    this.#sweepSometimes();
    return true;
  }

  protected applyUse(jti: string, exp: number): boolean {
    if (this.used.has(jti)) return false;
    this.used.set(jti, exp);
    this.#sweepSometimes();
    return true;
  }

  protected applyRevoke(family: string): readonly FamilyMember[] {
    const entry = this.families.get(family) ?? { members: [], revoked: false };
    entry.revoked = true;
    this.families.set(family, entry);
    return [...entry.members];
  }

  #sweepSometimes(): void {
    this.#writes += 1;
    if (this.#writes % SWEEP_EVERY !== 0) return;
    const now = Math.floor(this.clock.now() / 1000);
    for (const [jti, exp] of this.used) if (exp <= now) this.used.delete(jti);
    for (const [name, family] of this.families) {
      if (family.members.every((member) => member.exp <= now)) this.families.delete(name);
    }
  }
}
