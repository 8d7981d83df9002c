/**
 * @module stores/file/FileKeyStore
 * Signing keys in a directory (`server_auth.key_directory`) shared by every
 * instance and the `keys` CLI. The first start creates a key; a configured
 * algorithm other than the newest key's is a rotation. Reads come from memory;
 * at most once per `refreshSeconds` (injected clock) a call re-lists the
 * directory and loads only new files, so another process's rotation is picked
 * up without a restart and without disk access per token. Keys activate and
 * drop out by the clock alone (`scheduleKeys`).
 */
import { resolve } from 'node:path';
import { createKeyRecord, importKeyRecord } from '../../keys/KeyRecord.js';
import type { KeyPolicy } from '../../keys/keyPolicy.js';
import { nextSequence, scheduleKeys, type KeySchedule, type KeyStatus, type ScheduledKey } from '../../keys/scheduleKeys.js';
import type { Logger } from '../../logging/Logger.js';
import { epochSeconds, type Clock } from '../../time/Clock.js';
import type { RotatingKeyStore, RotationResult, SigningKey } from '../KeyStore.js';
import { ensureKeyDirectory, keyFileName, listKeyFiles, readKeyFile, removeKeyFile, writeKeyFile } from './keyFiles.js';
import { withDirectoryLock } from './withDirectoryLock.js';

export interface FileKeyStoreOptions {
  /** Key directory; a relative path is resolved against the working directory. */
  readonly directory: string;
  readonly policy: KeyPolicy;
  readonly clock: Clock;
  readonly logger: Logger;
}

interface Snapshot {
  /** File name -> key. */
  readonly keys: ReadonlyMap<string, ScheduledKey>;
  /** Clock time (ms) of the listing. */
  readonly listedAt: number;
}

export class FileKeyStore implements RotatingKeyStore {
  readonly directory: string;
  readonly #policy: KeyPolicy;
  readonly #clock: Clock;
  readonly #logger: Logger;
  #snapshot: Snapshot | undefined;
  #loading: Promise<Snapshot> | undefined;
  /** Files that failed to load: reported once, not re-read (files are never rewritten). */
  readonly #bad = new Set<string>();
  #refreshFailing = false;

  constructor(options: FileKeyStoreOptions) {
    this.directory = resolve(options.directory);
    this.#policy = options.policy;
    this.#clock = options.clock;
    this.#logger = options.logger;
  }

  async signingKey(): Promise<SigningKey> {
    return (await this.schedule()).signing;
  }

  async verificationKeys(): Promise<readonly SigningKey[]> {
    return (await this.schedule()).published;
  }

  /** Every key with its state at the clock's current time. */
  async schedule(): Promise<KeySchedule> {
    return this.#scheduleOf(await this.#current());
  }

  /** Every key in the directory with its state, read now; creates nothing (an empty directory lists nothing). */
  async statuses(): Promise<readonly KeyStatus[]> {
    const snapshot = await this.#read(this.#snapshot).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined; // no directory yet: no keys
      throw error;
    });
    return snapshot === undefined || snapshot.keys.size === 0 ? [] : this.#scheduleOf(snapshot).statuses;
  }

  /** Re-lists the directory now instead of at the next refresh interval. */
  async refresh(): Promise<void> {
    const snapshot = this.#snapshot;
    this.#snapshot = await this.#coalesce(() => (snapshot === undefined ? this.#open() : this.#reread(snapshot)));
  }

  /**
   * Publishes a new key of the configured algorithm; it signs after the
   * publish lead time (at once if the directory held no key). Deletes the
   * files of keys whose retirement window has passed.
   */
  async rotate(): Promise<RotationResult> {
    await ensureKeyDirectory(this.directory, this.#logger);
    return withDirectoryLock(this.directory, async () => {
      const { snapshot, added } = await this.#addKey(await this.#read(this.#snapshot));
      const { statuses } = this.#scheduleOf(snapshot);
      const pruned = statuses.filter((status) => status.state === 'dropped').map((status) => status.key.kid);
      const keys = new Map(snapshot.keys);
      for (const kid of pruned) {
        await removeKeyFile(this.directory, kid);
        keys.delete(keyFileName(kid));
      }
      this.#snapshot = { keys, listedAt: snapshot.listedAt };
      return { key: added, pruned };
    });
  }

  async #current(): Promise<Snapshot> {
    const snapshot = this.#snapshot;
    if (snapshot === undefined) {
      this.#snapshot = await this.#coalesce(() => this.#open());
      return this.#snapshot;
    }
    if (this.#clock.now() - snapshot.listedAt < this.#policy.refreshSeconds * 1000) return snapshot;
    try {
      this.#snapshot = await this.#coalesce(() => this.#reread(snapshot));
      this.#refreshFailing = false;
    } catch (error) {
      // Keep serving the keys we have; try again at the next interval.
      if (!this.#refreshFailing) this.#logger.error(`cannot re-read key directory ${this.directory}`, error);
      this.#refreshFailing = true;
      this.#snapshot = { keys: snapshot.keys, listedAt: this.#clock.now() };
    }
    return this.#snapshot;
  }

  /** Runs one load at a time; concurrent callers share it. */
  async #coalesce(load: () => Promise<Snapshot>): Promise<Snapshot> {
    this.#loading ??= load().finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  /** First load: creates the directory, and a key when there is none or the algorithm changed. */
  async #open(): Promise<Snapshot> {
    await ensureKeyDirectory(this.directory, this.#logger);
    let snapshot = await this.#read(undefined);
    if (this.#needsKey(snapshot)) {
      snapshot = await withDirectoryLock(this.directory, async () => {
        const fresh = await this.#read(snapshot);
        if (!this.#needsKey(fresh)) return fresh;
        const { snapshot: withKey, added } = await this.#addKey(fresh);
        this.#logger.info(
          fresh.keys.size === 0
            ? `created signing key ${added.key.kid} (${added.key.alg}) in ${this.directory}`
            : `algorithm changed to ${added.key.alg}: published key ${added.key.kid}, ` +
                `signing from ${new Date(added.activatesAt * 1000).toISOString()}`,
        );
        return withKey;
      });
    }
    const signing = this.#scheduleOf(snapshot).signing;
    this.#logger.info(`${snapshot.keys.size} signing key(s) in ${this.directory}; signing with ${signing.kid} (${signing.alg})`);
    return snapshot;
  }

  /** Writes a new key beside `existing`: signing at once if there is no other key, else after the lead time. */
  async #addKey(existing: Snapshot): Promise<{ snapshot: Snapshot; added: ScheduledKey }> {
    const now = epochSeconds(this.#clock);
    const activatesAt = existing.keys.size === 0 ? now : now + this.#policy.publishLeadSeconds;
    const timing = { createdAt: now, activatesAt, sequence: nextSequence(existing.keys.values()) };
    const { record, scheduled } = await createKeyRecord(this.#policy.algorithm, timing);
    await writeKeyFile(this.directory, record);
    const keys = new Map([...existing.keys, [keyFileName(record.kid), scheduled]]);
    return { snapshot: { keys, listedAt: existing.listedAt }, added: scheduled };
  }

  #needsKey(snapshot: Snapshot): boolean {
    if (snapshot.keys.size === 0) return true;
    return this.#scheduleOf(snapshot).statuses.at(-1)!.key.alg !== this.#policy.algorithm;
  }

  #scheduleOf(snapshot: Snapshot): KeySchedule {
    return scheduleKeys([...snapshot.keys.values()], epochSeconds(this.#clock), this.#policy.retireAfterSeconds);
  }

  /** A refresh: keys whose files vanished are forgotten, but never all of them (the server must keep signing). */
  async #reread(previous: Snapshot): Promise<Snapshot> {
    const next = await this.#read(previous);
    if (next.keys.size > 0) return next;
    this.#logger.error(`key directory ${this.directory} has no usable key file; keeping the keys loaded before`);
    return { keys: previous.keys, listedAt: next.listedAt };
  }

  /** Lists the directory, keeping keys already loaded and loading new files. */
  async #read(previous: Snapshot | undefined): Promise<Snapshot> {
    const listedAt = this.#clock.now();
    const keys = new Map<string, ScheduledKey>();
    for (const name of await listKeyFiles(this.directory)) {
      const known = previous?.keys.get(name);
      if (known !== undefined) {
        keys.set(name, known);
        continue;
      }
      if (this.#bad.has(name)) continue;
      try {
        const loaded = await importKeyRecord(await readKeyFile(this.directory, name, this.#logger));
        keys.set(name, loaded);
        if (previous !== undefined) this.#logger.info(`picked up signing key ${loaded.key.kid} (${loaded.key.alg})`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // pruned meanwhile
        this.#bad.add(name);
        this.#logger.warn(`ignoring key file ${name}: ${(error as Error).message}`);
      }
    }
    return { keys, listedAt };
  }
}
