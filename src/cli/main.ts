#!/usr/bin/env node
/**
 * @module cli/main
 * `pico-server-auth [command] [options]`. Without a command it serves; without
 * `--config` it uses the embedded default `config/server-auth.yaml`.
 * Failures print one line to stderr and exit with status 2.
 */
import { parseArgs } from './args.js';
import { commands } from './commands.js';

async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  const [name = 'serve', ...rest] = args.positionals;
  const command = commands[name];
  if (command === undefined) {
    throw new Error(`unknown command "${name}" (expected one of: ${Object.keys(commands).join(', ')})`);
  }
  await command({ positionals: rest, options: args.options });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`pico-server-auth: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
