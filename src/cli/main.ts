#!/usr/bin/env node
/**
 * @module cli/main
 * `pico-server-auth [command] [options]`. Without a command it serves; without
 * `--config` it uses the embedded default `config/server-auth.yaml`.
 * `--help` / `-h` / `help [command]` print usage, `--version` / `-V` the version.
 * Failures print one line to stderr and exit with status 2.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from './args.js';
import { commandHelp, commands, toolHelp } from './commands.js';
import { packageRoot } from './paths.js';

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  if (args.flags.has('version')) {
    process.stdout.write(`${version()}\n`);
    return;
  }
  let [name, ...rest] = args.positionals;
  let help = args.flags.has('help');
  if (name === 'help') {
    help = true;
    [name, ...rest] = rest;
  }
  if (help && name === undefined) {
    process.stdout.write(toolHelp(version()));
    return;
  }
  name ??= 'serve';
  const spec = commands[name];
  if (spec === undefined) {
    throw new Error(`unknown command "${name}" (expected one of: ${Object.keys(commands).join(', ')}; see --help)`);
  }
  if (help) {
    process.stdout.write(commandHelp(name, spec));
    return;
  }
  await spec.run({ positionals: rest, options: args.options, flags: args.flags });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`pico-server-auth: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
