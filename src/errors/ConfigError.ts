/**
 * @module errors/ConfigError
 * A configuration problem found at startup. Never an HTTP error: the process
 * refuses to start and prints the message, which names the file and key path.
 */
export class ConfigError extends Error {
  readonly code = 'ERR_CONFIG';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}
