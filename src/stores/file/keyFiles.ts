/**
 * @module stores/file/keyFiles
 * The on-disk layout of a key directory: one JSON file per key, named
 * `<kid>.json`, mode 0600, in a directory of mode 0700. Files are written once
 * (atomically) and never modified; `keys rotate` deletes the files of keys
 * that have left the JWKS.
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseKeyRecord, type KeyRecord } from '../../keys/KeyRecord.js';
import type { Logger } from '../../logging/Logger.js';
import { writeFileAtomic } from './writeFileAtomic.js';

/** `<RFC 7638 SHA-256 thumbprint>.json`: 43 base64url characters. */
const KEY_FILE = /^[A-Za-z0-9_-]{43}\.json$/;
const DIRECTORY_MODE = 0o700;
const FILE_MODE = 0o600;
const GROUP_OR_OTHER = 0o077;

export const keyFileName = (kid: string): string => `${kid}.json`;

/** Creates the directory (0700) if needed; warns when an existing one is open to other users. */
export async function ensureKeyDirectory(directory: string, logger: Logger): Promise<void> {
  await mkdir(directory, { recursive: true, mode: DIRECTORY_MODE });
  const { mode } = await stat(directory);
  if ((mode & GROUP_OR_OTHER) !== 0) {
    logger.warn(
      `key directory ${directory} is accessible to other users (mode ${(mode & 0o777).toString(8)}); chmod 700 it`,
    );
  }
}

/** Names of the key files in the directory, sorted. Temporary and lock files are not listed. */
export async function listKeyFiles(directory: string): Promise<string[]> {
  return (await readdir(directory)).filter((name) => KEY_FILE.test(name)).sort();
}

/**
 * Reads and shape-checks one key file.
 * @throws Error naming the file and the problem.
 */
export async function readKeyFile(directory: string, name: string, logger: Logger): Promise<KeyRecord> {
  const path = join(directory, name);
  const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
  if ((info.mode & GROUP_OR_OTHER) !== 0) {
    logger.warn(`key file ${path} is readable by other users (mode ${(info.mode & 0o777).toString(8)}); chmod 600 it`);
  }
  let record: KeyRecord;
  try {
    record = parseKeyRecord(JSON.parse(text));
  } catch (cause) {
    throw new Error(`${path}: ${(cause as Error).message}`, { cause });
  }
  if (keyFileName(record.kid) !== name) throw new Error(`${path}: holds kid ${record.kid}, not the one it is named for`);
  return record;
}

export async function writeKeyFile(directory: string, record: KeyRecord): Promise<void> {
  await writeFileAtomic(join(directory, keyFileName(record.kid)), `${JSON.stringify(record, null, 2)}\n`, FILE_MODE);
}

export async function removeKeyFile(directory: string, kid: string): Promise<void> {
  await rm(join(directory, keyFileName(kid)), { force: true });
}
