/**
 * @module stores/jsonl/JsonlTokenFamilyStore
 * Refresh rotation state as a JSON Lines event log (`token_family_store_path`),
 * so a used refresh token stays used across restarts. One process per file:
 * `useRefresh` is atomic within a process only (shared deployments use Redis).
 *
 * Only `jti`s and expiries are written, never token text. Files written by
 * 0.1, whose `add` lines held whole tokens, are rewritten without them when
 * opened (and the log says so), so no usable token stays at rest.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Logger } from '../../logging/Logger.js';
import type { Clock } from '../../time/Clock.js';
import { MemoryTokenFamilyStore } from '../memory/MemoryTokenFamilyStore.js';
import { memberOnly, type FamilyMember } from '../TokenFamilyStore.js';
import { JsonlLog } from './JsonlLog.js';
import { rewriteJsonlSync } from './rewriteJsonlSync.js';

type FamilyEvent =
  | { readonly op: 'add'; readonly family: string; readonly members: readonly FamilyMember[] }
  | { readonly op: 'use'; readonly jti: string; readonly exp: number }
  | { readonly op: 'revoke'; readonly family: string };

function isMember(value: unknown): value is FamilyMember {
  const v = value as Partial<FamilyMember> | null;
  return typeof v === 'object' && v !== null && typeof v.jti === 'string' && typeof v.exp === 'number';
}

function parseEvent(value: unknown): FamilyEvent | undefined {
  const v = value as Record<string, unknown> | null;
  if (typeof v !== 'object' || v === null) return undefined;
  if (v['op'] === 'add' && typeof v['family'] === 'string' && Array.isArray(v['members']) && v['members'].every(isMember)) {
    return { op: 'add', family: v['family'], members: v['members'].map(memberOnly) };
  }
  if (v['op'] === 'use' && typeof v['jti'] === 'string' && typeof v['exp'] === 'number') {
    return { op: 'use', jti: v['jti'], exp: v['exp'] };
  }
  if (v['op'] === 'revoke' && typeof v['family'] === 'string') return { op: 'revoke', family: v['family'] };
  return undefined;
}

export class JsonlTokenFamilyStore extends MemoryTokenFamilyStore {
  readonly #log: JsonlLog<FamilyEvent>;

  constructor(path: string, clock: Clock, logger: Logger) {
    super(clock);
    compactTokenText(path, logger);
    const { log, entries } = JsonlLog.openSync(path, parseEvent, logger);
    this.#log = log;
    for (const event of entries) this.#apply(event);
  }

  override async add(family: string, members: readonly FamilyMember[]): Promise<boolean> {
    if (this.families.get(family)?.revoked === true) return false;
    const kept = members.map(memberOnly);
    await this.#log.append({ op: 'add', family, members: kept });
    return this.applyAdd(family, kept);
  }

  override async useRefresh(jti: string, exp: number): Promise<boolean> {
    // Decide synchronously (atomic in this process), then make it durable.
    if (!this.applyUse(jti, exp)) return false;
    await this.#log.append({ op: 'use', jti, exp });
    return true;
  }

  override async revokeFamily(family: string): Promise<readonly FamilyMember[]> {
    const members = this.applyRevoke(family);
    await this.#log.append({ op: 'revoke', family });
    return members;
  }

  close(): Promise<void> {
    return this.#log.close();
  }

  #apply(event: FamilyEvent): void {
    switch (event.op) {
      case 'add':
        this.applyAdd(event.family, event.members);
        return;
      case 'use':
        this.applyUse(event.jti, event.exp);
        return;
      case 'revoke':
        this.applyRevoke(event.family);
        return;
    }
  }
}

/**
 * A 0.1 file held the text of every token it recorded (`members[].token`):
 * rewrite it with the parsed events only, before it is opened for appends.
 */
function compactTokenText(path: string, logger: Logger): void {
  if (!existsSync(path)) return;
  const text = readFileSync(path, 'utf8');
  if (!text.includes('"token"')) return;
  const events: FamilyEvent[] = [];
  for (const line of text.split('\n')) {
    let event: FamilyEvent | undefined;
    try {
      event = parseEvent(JSON.parse(line));
    } catch {
      event = undefined; // torn or malformed: JsonlLog would skip it too
    }
    if (event !== undefined) events.push(event);
  }
  rewriteJsonlSync(path, events);
  logger.warn(`${path}: removed token text written by pico-server-auth 0.1; only jtis and expiries are kept`);
}
