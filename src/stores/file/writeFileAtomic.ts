/**
 * @module stores/file/writeFileAtomic
 * Writes a whole file so that readers, in this process or another, see either
 * no file or the complete file: write a uniquely named temporary file in the
 * same directory, fsync it, rename it over the target (atomic on POSIX), then
 * fsync the directory so the rename survives a crash.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

async function syncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // Directories cannot be opened or fsynced on every platform (Windows);
    // the rename itself is still atomic there.
  } finally {
    await handle?.close();
  }
}

/** @param mode file permissions, set exactly (not filtered by the umask). */
export async function writeFileAtomic(path: string, data: string, mode: number): Promise<void> {
  const directory = dirname(path);
  const temporary = join(directory, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', mode);
  try {
    try {
      await handle.chmod(mode);
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(directory);
}
