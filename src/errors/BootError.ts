/**
 * @module errors/BootError
 * Startup failed while assembling the container, e.g. a manifest entry that
 * cannot be imported. The message names the package and entry: an auth module
 * that silently fails to load would leave an app open.
 */
export class BootError extends Error {
  readonly code = 'ERR_BOOT';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BootError';
  }
}
