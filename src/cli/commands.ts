/**
 * @module cli/commands
 * Every CLI command, by its first word. A new command is one file in this
 * folder plus one entry here.
 */
import type { ParsedArgs } from './args.js';
import { keys } from './keys.js';
import { mint } from './mint.js';
import { serve } from './serve.js';

export type Command = (args: ParsedArgs) => Promise<void>;

export const commands: Readonly<Record<string, Command>> = {
  serve,
  mint,
  keys,
};
