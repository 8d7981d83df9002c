/**
 * @module test/support/RecordingLogger
 * A logger that keeps lines instead of printing them, so tests stay quiet and
 * can assert on warnings.
 */
import type { Logger } from '../../src/logging/Logger.js';

export class RecordingLogger implements Logger {
  readonly lines: { level: 'info' | 'warn' | 'error'; message: string; cause?: unknown }[] = [];

  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }

  warn(message: string): void {
    this.lines.push({ level: 'warn', message });
  }

  error(message: string, cause?: unknown): void {
    this.lines.push({ level: 'error', message, cause });
  }
}
