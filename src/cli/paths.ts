/**
 * @module cli/paths
 * Paths the CLI needs: the package root and the embedded default config.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_CONFIG_PATH } from '../boot/defaultConfigPath.js';
import type { ParsedArgs } from './args.js';

/** dist/src/cli -> package root. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DEFAULT_CONFIG_PATH = PACKAGE_CONFIG_PATH;

/** `--config FILE`, resolved against the working directory, or the embedded default. */
export function configPath(args: ParsedArgs): string {
  const value = args.options.get('config');
  return value === undefined ? DEFAULT_CONFIG_PATH : resolve(value);
}
