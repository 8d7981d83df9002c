/**
 * @module stores/file/withDirectoryLock
 * A lock file (`.lock`, created with O_EXCL) that serialises key creation
 * between processes sharing a key directory, so two servers starting at once
 * create one first key, not two. It is an optimisation, not a safety net:
 * keys are immutable files and the schedule is deterministic, so a duplicate
 * key is harmless. A lock left by a crashed process is broken after
 * `STALE_MS`; its age is read from the file's mtime, hence real time here
 * rather than the injected clock.
 */
import { open, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const LOCK_FILE = '.lock';
const STALE_MS = 30_000;
const RETRY_MS = 25;
const GIVE_UP_MS = 60_000;

const codeOf = (error: unknown): unknown => (error as NodeJS.ErrnoException).code;

async function breakIfStale(path: string): Promise<void> {
  try {
    const { mtimeMs } = await stat(path);
    if (Date.now() - mtimeMs > STALE_MS) await unlink(path);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
  }
}

export async function withDirectoryLock<T>(directory: string, work: () => Promise<T>): Promise<T> {
  const path = join(directory, LOCK_FILE);
  const giveUpAt = Date.now() + GIVE_UP_MS;
  for (;;) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') throw error;
      if (Date.now() > giveUpAt) throw new Error(`cannot lock ${directory}: ${path} is held by another process`);
      await breakIfStale(path);
      await sleep(RETRY_MS);
    }
  }
  try {
    return await work();
  } finally {
    await unlink(path).catch(() => undefined);
  }
}
