/**
 * @module stores/file/FileKeyStore
 * Signing keys in a directory (`server_auth.key_directory`) shared by every
 * instance and the `keys` CLI. The first start creates a key; a configured
 * algorithm other than the newest key's is a rotation. Reads come from memory;
 * at most once per `refreshSeconds` (injected clock) a call re-lists the
 * directory and loads only new files, so another process's rotation is picked
 * up without a restart and without disk access per token. Keys activate and
 * drop out by the clock alone (`scheduleKeys`). The caching is
 * `CachedKeyStore`'s; writers agree through the directory lock.
 */
import { resolve } from 'node:path';
import { createKeyRecord, importKeyRecord } from '../../keys/KeyRecord.js';
import type { ScheduledKey } from '../../keys/scheduleKeys.js';
import {
  CachedKeyStore, type CachedKeyStoreOptions, type HeldKey, type KeySnapshot, type OpenedKeys, type RotatedKeys,
} from '../CachedKeyStore.js';
import { ensureKeyDirectory, keyFileName, listKeyFiles, readKeyFile, removeKeyFile, writeKeyFile } from './keyFiles.js';
import { withDirectoryLock } from './withDirectoryLock.js';

export interface FileKeyStoreOptions extends CachedKeyStoreOptions {
  /** Key directory; a relative path is resolved against the working directory. */
  readonly directory: string;
}

/** Holds its keys by file name (`<kid>.json`). */
export class FileKeyStore extends CachedKeyStore<KeySnapshot> {
  readonly directory: string;
  /** Files that failed to load: reported once, not re-read (files are never rewritten). */
  readonly #bad = new Set<string>();

  constructor(options: FileKeyStoreOptions) {
    super(options);
    this.directory = resolve(options.directory);
  }

  protected override get location(): string {
    return this.directory;
  }

  /** Creates the directory, and a key when there is none or the algorithm changed, decided again under the lock. */
  protected override async openKeys(): Promise<OpenedKeys<KeySnapshot>> {
    await ensureKeyDirectory(this.directory, this.logger);
    const snapshot = await this.#read(undefined);
    if (!this.needsKey(snapshot)) return { snapshot };
    return withDirectoryLock(this.directory, async () => {
      const fresh = await this.#read(snapshot);
      return this.needsKey(fresh) ? this.#addKey(fresh) : { snapshot: fresh };
    });
  }

  protected override readKeys(previous: KeySnapshot): Promise<KeySnapshot> {
    return this.#read(previous);
  }

  protected override async peekKeys(): Promise<KeySnapshot> {
    return this.#read(this.held).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return { keys: new Map(), listedAt: this.clock.now() }; // no directory yet: no keys
      throw error;
    });
  }

  /** Under the directory lock: writes the new key's file, then deletes the files of dropped keys. */
  protected override async rotateKeys(): Promise<RotatedKeys<KeySnapshot>> {
    await ensureKeyDirectory(this.directory, this.logger);
    return withDirectoryLock(this.directory, async () => {
      const { snapshot, added } = await this.#addKey(await this.#read(this.held));
      const pruned = this.dropped(snapshot.keys);
      const keys = new Map(snapshot.keys);
      for (const kid of pruned) {
        await removeKeyFile(this.directory, kid);
        keys.delete(keyFileName(kid));
      }
      return { snapshot: { keys, listedAt: snapshot.listedAt }, key: added, pruned };
    });
  }

  protected override reportNoUsableKey(): void {
    this.logger.error(`key directory ${this.directory} has no usable key file; keeping the keys loaded before`);
  }

  protected override reportRefreshFailing(error: unknown): void {
    this.logger.error(`cannot re-read key directory ${this.directory}`, error);
  }

  /** Writes a new key beside `existing`. */
  async #addKey(existing: KeySnapshot): Promise<{ snapshot: KeySnapshot; added: ScheduledKey }> {
    const { record, scheduled } = await createKeyRecord(this.policy.algorithm, this.nextTiming(existing));
    await writeKeyFile(this.directory, record);
    const keys = new Map(existing.keys).set(keyFileName(record.kid), { scheduled });
    return { snapshot: { keys, listedAt: existing.listedAt }, added: scheduled };
  }

  /** Lists the directory, keeping keys already loaded and loading new files. */
  async #read(previous: KeySnapshot | undefined): Promise<KeySnapshot> {
    const listedAt = this.clock.now();
    const keys = new Map<string, HeldKey>();
    for (const name of await listKeyFiles(this.directory)) {
      const known = previous?.keys.get(name);
      if (known !== undefined) {
        keys.set(name, known);
        continue;
      }
      if (this.#bad.has(name)) continue;
      try {
        const loaded = await importKeyRecord(await readKeyFile(this.directory, name, this.logger));
        keys.set(name, { scheduled: loaded });
        if (previous !== undefined) this.logger.info(`picked up signing key ${loaded.key.kid} (${loaded.key.alg})`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // pruned meanwhile
        this.#bad.add(name);
        this.logger.warn(`ignoring key file ${name}: ${(error as Error).message}`);
      }
    }
    return { keys, listedAt };
  }
}
