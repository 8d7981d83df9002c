/**
 * @module logging/Logger
 * The minimal logging surface the package needs. Bind your own under
 * `TYPES.Logger` (pino, winston and console all fit).
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, cause?: unknown): void;
}

export const consoleLogger: Logger = Object.freeze({
  info: (message: string): void => console.log(`[pico-server-auth] ${message}`),
  warn: (message: string): void => console.warn(`[pico-server-auth] warning: ${message}`),
  error: (message: string, cause?: unknown): void =>
    cause === undefined
      ? console.error(`[pico-server-auth] error: ${message}`)
      : console.error(`[pico-server-auth] error: ${message}`, cause),
});

/** Everything to stderr: for CLI commands whose stdout is their result (a token). */
export const stderrLogger: Logger = Object.freeze({
  info: (message: string): void => console.error(`[pico-server-auth] ${message}`),
  warn: consoleLogger.warn,
  error: consoleLogger.error,
});
