/**
 * @module test/support/storeFiles
 * Temporary store files for the JSON Lines driver specs: a fresh directory per
 * test, hand-damaged files (torn and malformed lines), and the warnings a
 * RecordingLogger caught about them.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { RecordingLogger } from './RecordingLogger.js';

/** A crash mid-append leaves the start of a JSON object and no newline. */
export const TORN_FRAGMENT = '{"jti":"torn';

export class StoreDir {
  readonly path: string = mkdtempSync(join(tmpdir(), 'pico-store-'));

  file(name: string): string {
    return join(this.path, name);
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

/** Appends what a crashed writer leaves behind: a fragment with no newline. */
export function appendTornLine(file: string, fragment: string = TORN_FRAGMENT): void {
  appendFileSync(file, fragment);
}

/** Writes `lines` as complete lines (each followed by a newline), JSON-encoding non-strings. */
export function appendLines(file: string, lines: readonly unknown[]): void {
  appendFileSync(file, lines.map((line) => `${typeof line === 'string' ? line : JSON.stringify(line)}\n`).join(''));
}

/**
 * Asserts the file is JSON Lines: newline-terminated, one JSON object per line.
 * Returns the parsed objects.
 */
export function readJsonLines(file: string): Record<string, unknown>[] {
  const text = readFileSync(file, 'utf8');
  expect(text.endsWith('\n'), 'the file ends with a newline').to.equal(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => {
      const value: unknown = JSON.parse(line);
      expect(value, `line ${JSON.stringify(line)}`).to.be.an('object').and.not.an('array');
      return value as Record<string, unknown>;
    });
}

/** Warning messages the logger caught that name `file`. */
export function warningsAbout(logger: RecordingLogger, file: string): string[] {
  return logger.lines.filter((line) => line.level === 'warn' && line.message.includes(file)).map((line) => line.message);
}

/**
 * Line numbers named as `file:N` (or `file line N`) in the warnings about `file`,
 * so a spec can assert exactly which lines were skipped.
 */
export function warnedLineNumbers(logger: RecordingLogger, file: string): number[] {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`${escaped}(?::| line )(\\d+)`);
  return warningsAbout(logger, file).map((message) => {
    const match = pattern.exec(message);
    expect(match, `a line number in "${message}"`).to.not.equal(null);
    return Number(match![1]);
  });
}
