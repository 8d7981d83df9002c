/**
 * @module stores/jsonl/JsonlRevocationStore
 * The denylist as a JSON Lines file (`revocation_store_path`): every revoke is
 * fsynced before it is acknowledged, and the file is replayed on start.
 * Processes sharing the file see each other's revocations on their next read.
 */
import type { Logger } from '../../logging/Logger.js';
import { MemoryRevocationStore } from '../memory/MemoryRevocationStore.js';
import type { RevocationEntry } from '../RevocationStore.js';
import { JsonlLog } from './JsonlLog.js';

function parseEntry(value: unknown): RevocationEntry | undefined {
  const v = value as Partial<RevocationEntry> | null;
  if (typeof v !== 'object' || v === null) return undefined;
  if (typeof v.jti !== 'string' || typeof v.revoked_at !== 'number' || typeof v.revoked_by !== 'string') return undefined;
  if (v.reason !== null && typeof v.reason !== 'string') return undefined;
  const entry: RevocationEntry = { jti: v.jti, revoked_at: v.revoked_at, reason: v.reason, revoked_by: v.revoked_by };
  return typeof v.exp === 'number' ? { ...entry, exp: v.exp } : entry;
}

export class JsonlRevocationStore extends MemoryRevocationStore {
  readonly #log: JsonlLog<RevocationEntry>;
  /** Revokes of one jti in flight, so concurrent repeats return one entry. */
  readonly #pending = new Map<string, Promise<RevocationEntry>>();

  constructor(path: string, logger: Logger) {
    super();
    const { log, entries } = JsonlLog.openSync(path, parseEntry, logger);
    this.#log = log;
    for (const entry of entries) this.apply(entry);
  }

  override async revoke(entry: RevocationEntry): Promise<RevocationEntry> {
    await this.#catchUp();
    const known = this.entries.get(entry.jti) ?? this.#pending.get(entry.jti);
    if (known !== undefined) return known;
    const write = this.#log.append(entry).then(() => this.apply(entry));
    this.#pending.set(entry.jti, write);
    try {
      return await write;
    } finally {
      this.#pending.delete(entry.jti);
    }
  }

  override async isRevoked(jti: string): Promise<boolean> {
    await this.#catchUp();
    return super.isRevoked(jti);
  }

  override async list(): Promise<readonly RevocationEntry[]> {
    await this.#catchUp();
    return super.list();
  }

  close(): Promise<void> {
    return this.#log.close();
  }

  async #catchUp(): Promise<void> {
    for (const entry of await this.#log.catchUp()) this.apply(entry);
  }
}
