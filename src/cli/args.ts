/**
 * @module cli/args
 * A tiny argument parser for the CLI: positional words, `--name value` /
 * `--name=value` options, and the value-less flags `--help` (`-h`),
 * `--version` (`-V`) and `--force`. Unknown options are each command's to refuse.
 */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly options: ReadonlyMap<string, string>;
  /** Value-less flags given, by long name (`help`, `version`, `force`). */
  readonly flags: ReadonlySet<string>;
}

/** Flags that take no value, with their one-letter aliases. */
const FLAGS: Readonly<Record<string, string>> = { '--help': 'help', '-h': 'help', '--version': 'version', '-V': 'version', '--force': 'force' };

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const flag = FLAGS[arg];
    if (flag !== undefined) {
      flags.add(flag);
      continue;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq !== -1) {
      options.set(arg.slice(2, eq), arg.slice(eq + 1));
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value`);
    options.set(arg.slice(2), value);
    i += 1;
  }
  return { positionals, options, flags };
}

/** Throws when `args` carries an option or a flag (other than help and version) not in `known`. */
export function refuseUnknownOptions(args: ParsedArgs, known: readonly string[]): void {
  for (const name of args.options.keys()) {
    if (!known.includes(name)) throw new Error(`unknown option --${name} (see --help)`);
  }
  for (const flag of args.flags) {
    if (flag !== 'help' && flag !== 'version' && !known.includes(flag)) throw new Error(`unknown option --${flag} (see --help)`);
  }
}
