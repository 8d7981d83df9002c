/**
 * @module cli/commands
 * Every CLI command, by its first word, with the help text `--help` prints.
 * A new command is one file in this folder plus one entry here.
 */
import type { ParsedArgs } from './args.js';
import { keys } from './keys.js';
import { mint } from './mint.js';
import { serve } from './serve.js';

export type Command = (args: ParsedArgs) => Promise<void>;

export interface CommandSpec {
  readonly run: Command;
  /** One line for the tool's help. */
  readonly summary: string;
  /** The synopsis after `pico-server-auth`. */
  readonly usage: string;
  /** Option (without `--`) -> what it does. */
  readonly options: Readonly<Record<string, string>>;
}

const CONFIG = 'YAML configuration file (default: the embedded config/server-auth.yaml)';

export const commands: Readonly<Record<string, CommandSpec>> = {
  serve: {
    run: serve,
    summary: 'run the standalone auth server (the default command)',
    usage: 'serve [--config FILE]',
    options: { config: CONFIG },
  },
  mint: {
    run: mint,
    summary: "mint a service token with the server's keys, recorded in its mint audit",
    usage: 'mint --sub NAME --role ROLE --ttl DURATION [--scope SCOPE] [--config FILE] [--force]',
    options: {
      sub: 'subject of the token (e.g. the validator service name)',
      role: 'role claim (e.g. service, which may read /revoked-jtis)',
      ttl: 'lifetime: 3600, 90s, 15m, 12h, 30d or 2w; at most server_auth.service_token_max_ttl_seconds',
      scope: 'optional scope claim',
      config: CONFIG,
      force: 'mint even when the mint audit is in memory (the server will not list the token in /mints)',
    },
  },
  keys: {
    run: keys,
    summary: 'list or rotate the signing keys',
    usage: 'keys list|rotate [--config FILE]',
    options: { config: CONFIG },
  },
};

const pad = (text: string, width: number): string => text.padEnd(width);

/** `pico-server-auth --help`. */
export function toolHelp(version: string): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length)) + 2;
  return [
    `pico-server-auth ${version}: embeddable auth server (JWTs, JWKS, wallet sign-in)`,
    '',
    'usage: pico-server-auth [command] [options]',
    '',
    'commands:',
    ...Object.entries(commands).map(([name, spec]) => `  ${pad(name, width)}${spec.summary}`),
    '',
    'options:',
    '  -h, --help     this help; `pico-server-auth COMMAND --help` for a command',
    '  -V, --version  the version',
    '',
  ].join('\n');
}

/** `pico-server-auth COMMAND --help`. */
export function commandHelp(name: string, spec: CommandSpec): string {
  const width = Math.max(...Object.keys(spec.options).map((option) => option.length)) + 4;
  return [
    `usage: pico-server-auth ${spec.usage}`,
    '',
    `${name}: ${spec.summary}`,
    '',
    'options:',
    ...Object.entries(spec.options).map(([option, text]) => `  ${pad(`--${option}`, width)}${text}`),
    `  ${pad('-h, --help', width)}this help`,
    '',
  ].join('\n');
}
