/**
 * @module test/support/vectors
 * Locates the shared public test vectors (Wycheproof, ACVP, RFC 8032) that live
 * beside the project in `../shared/vectors`, never inside it.
 * `PICO_VECTORS_DIR` overrides the location.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

// dist/test/support -> project root is three levels up.
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const vectorsDir: string =
  process.env['PICO_VECTORS_DIR'] ?? resolve(projectRoot, '..', 'shared', 'vectors');

/** Absolute path of a vector file, or undefined when it is absent on this machine. */
export function vectorPath(relative: string): string | undefined {
  const path = join(vectorsDir, relative);
  return existsSync(path) ? path : undefined;
}

/** Parses a JSON (or `.json.gz`) vector file. */
export function readVectorJson<T>(path: string): T {
  const raw = readFileSync(path);
  const text = path.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return JSON.parse(text) as T;
}

/**
 * For `describe` blocks: returns the path, or marks the suite skipped with a
 * message saying which file is missing.
 */
export function requireVector(ctx: Mocha.Context, relative: string): string {
  const path = vectorPath(relative);
  if (path === undefined) {
    console.warn(`    (skipped: test vector ${relative} not found under ${vectorsDir})`);
    ctx.skip();
  }
  return path as string;
}
