/**
 * @module test/support/serverConfig
 * Writes the YAML config a test's real server process starts with: the
 * test's `server_auth` (and optional `redis`) sections, always listening on
 * 127.0.0.1 with port 0 (the server logs the port it got).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

export interface ServerConfigSections {
  readonly server_auth: Readonly<Record<string, unknown>>;
  readonly redis?: Readonly<Record<string, unknown>>;
}

/** Writes `<dir>/<name>` and returns its path. */
export function writeServerConfig(dir: string, sections: ServerConfigSections, name = 'server-auth.yaml'): string {
  const file = join(dir, name);
  writeFileSync(file, stringify({ ...sections, server: { host: '127.0.0.1', port: 0 } }));
  return file;
}
