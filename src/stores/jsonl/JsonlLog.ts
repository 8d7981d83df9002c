/**
 * @module stores/jsonl/JsonlLog
 * An append-only JSON Lines file: one entry per line, each append written,
 * flushed and fsynced before it resolves. Opening replays the file; a torn or
 * malformed line is skipped with a warning naming file and line, never fatal.
 * An unopenable path throws at once: a startup error, not a silent fall-back.
 * Several processes may share one file: `catchUp()` returns what others
 * appended since the last read.
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Logger } from '../../logging/Logger.js';

/** Turns one parsed line into an entry, or undefined when it is not one. */
export type EntryParser<T> = (value: unknown) => T | undefined;

export class JsonlLog<T> {
  #handle: Promise<FileHandle>;
  #writes: Promise<void> = Promise.resolve();
  #reads: Promise<void> = Promise.resolve();
  /** Bytes of the file already read (complete lines only). */
  #offset = 0;
  #lineNumber = 0;

  private constructor(
    readonly path: string,
    private readonly parse: EntryParser<T>,
    private readonly logger: Logger,
  ) {
    this.#handle = open(path, 'a+');
    this.#handle.catch(() => undefined);
  }

  /** Opens (creating if needed) and replays `path`. Throws when it cannot be opened for append. */
  static openSync<T>(path: string, parse: EntryParser<T>, logger: Logger): { log: JsonlLog<T>; entries: T[] } {
    const fd = openSync(path, 'a+', 0o600);
    try {
      const log = new JsonlLog(path, parse, logger);
      const size = fstatSync(fd).size;
      const bytes = Buffer.alloc(size);
      let read = 0;
      while (read < size) read += readSync(fd, bytes, read, size - read, read);
      if (size > 0 && bytes[size - 1] !== 0x0a) {
        // A torn last line (a crash mid-write): end it, so our next append
        // starts on a line of its own instead of gluing onto the fragment.
        writeSync(fd, '\n');
      }
      const entries = log.#consume(bytes, true);
      log.#offset = size > 0 && bytes[size - 1] !== 0x0a ? size + 1 : size;
      return { log, entries };
    } finally {
      closeSync(fd);
    }
  }

  /** Appends one entry; resolves once it is fsynced. Appends are serialised. */
  append(entry: T): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    const write = this.#writes.then(async () => {
      const handle = await this.#handle;
      await handle.appendFile(line, 'utf8');
      await handle.sync();
    });
    this.#writes = write.catch(() => undefined);
    return write;
  }

  /**
   * Entries appended (by anyone, this process included) since the last read.
   * Reads run one at a time: each starts where the previous one ended.
   */
  catchUp(): Promise<T[]> {
    const read = this.#reads.then(() => this.#readNew());
    this.#reads = read.then(
      () => undefined,
      () => undefined,
    );
    return read;
  }

  async #readNew(): Promise<T[]> {
    const handle = await this.#handle;
    const { size } = await handle.stat();
    if (size <= this.#offset) return [];
    const bytes = Buffer.alloc(size - this.#offset);
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, this.#offset);
    const chunk = bytes.subarray(0, bytesRead);
    const end = chunk.lastIndexOf(0x0a) + 1;
    // Only complete lines: another process may be mid-write on the last one.
    this.#offset += end;
    return this.#consume(chunk.subarray(0, end), false);
  }

  async close(): Promise<void> {
    await this.#writes;
    await (await this.#handle).close();
  }

  #consume(bytes: Buffer, warn: boolean): T[] {
    const entries: T[] = [];
    const text = bytes.toString('utf8');
    const lines = text.split('\n');
    if (text.endsWith('\n')) lines.pop();
    for (const line of lines) {
      this.#lineNumber += 1;
      if (line.trim() === '') continue;
      let entry: T | undefined;
      try {
        entry = this.parse(JSON.parse(line));
      } catch {
        entry = undefined;
      }
      if (entry === undefined) {
        if (warn) this.logger.warn(`${this.path}:${this.#lineNumber}: skipping a torn or malformed line`);
        continue;
      }
      entries.push(entry);
    }
    return entries;
  }
}
