/**
 * @module stores/jsonl/rewriteJsonlSync
 * Replaces a JSON Lines file with `entries`, atomically: a temporary file in
 * the same directory, fsynced, renamed over the original, directory fsynced.
 * Used at startup only (compacting a file before it is opened for appends),
 * hence synchronous.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function rewriteJsonlSync(path: string, entries: readonly unknown[]): void {
  const directory = dirname(path);
  const temporary = join(directory, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    try {
      writeSync(fd, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  try {
    const dir = openSync(directory, 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Not every platform fsyncs directories; the rename is atomic regardless.
  }
}
