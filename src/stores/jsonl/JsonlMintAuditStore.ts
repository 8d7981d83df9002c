/**
 * @module stores/jsonl/JsonlMintAuditStore
 * Mint records as a JSON Lines file (`mint_audit_path`), fsynced per record and
 * replayed on start; memory keeps the newest `maxEntries`.
 */
import type { Logger } from '../../logging/Logger.js';
import { MemoryMintAuditStore } from '../memory/MemoryMintAuditStore.js';
import type { MintKind, MintRecord } from '../MintAuditStore.js';
import { JsonlLog } from './JsonlLog.js';

const KINDS: readonly MintKind[] = ['access', 'refresh', 'fleet', 'service'];
const nullableString = (v: unknown): v is string | null => v === null || typeof v === 'string';

function parseRecord(value: unknown): MintRecord | undefined {
  const v = value as Partial<Record<keyof MintRecord, unknown>> | null;
  if (typeof v !== 'object' || v === null) return undefined;
  if (typeof v.jti !== 'string' || typeof v.sub !== 'string' || typeof v.role !== 'string') return undefined;
  if (typeof v.iat !== 'number' || typeof v.exp !== 'number' || !KINDS.includes(v.kind as MintKind)) return undefined;
  if (!nullableString(v.scope) || !nullableString(v.agent_id) || !nullableString(v.session_id)) return undefined;
  return {
    jti: v.jti,
    sub: v.sub,
    role: v.role,
    iat: v.iat,
    exp: v.exp,
    kind: v.kind as MintKind,
    scope: v.scope,
    agent_id: v.agent_id,
    session_id: v.session_id,
  };
}

export class JsonlMintAuditStore extends MemoryMintAuditStore {
  readonly #log: JsonlLog<MintRecord>;

  constructor(path: string, maxEntries: number, logger: Logger) {
    super(maxEntries);
    const { log, entries } = JsonlLog.openSync(path, parseRecord, logger);
    this.#log = log;
    for (const record of entries) this.apply(record);
  }

  override async record(mint: MintRecord): Promise<void> {
    if (this.records.has(mint.jti)) return;
    await this.#log.append(mint);
    this.apply(mint);
  }

  override async listLive(nowSeconds: number, limit: number): Promise<readonly MintRecord[]> {
    for (const record of await this.#log.catchUp()) this.apply(record);
    return super.listLive(nowSeconds, limit);
  }

  close(): Promise<void> {
    return this.#log.close();
  }
}
