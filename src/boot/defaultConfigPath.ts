/**
 * @module boot/defaultConfigPath
 * Which configuration `init()` reads when the caller names none: the
 * application's own `config/server-auth.yaml` when it has one, else the
 * default file this package ships (the one `npm start` serves), so the
 * standalone example works in a fresh app with no config of its own.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where an application keeps its config, relative to its root. */
export const APP_CONFIG_FILE = join('config', 'server-auth.yaml');

/** The default configuration shipped in the package (dist/src/boot -> package root). */
export const PACKAGE_CONFIG_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', APP_CONFIG_FILE);

export function defaultConfigPath(root: string): string {
  const own = resolve(root, APP_CONFIG_FILE);
  return existsSync(own) ? own : PACKAGE_CONFIG_PATH;
}
