/**
 * @module services/requireObject
 * Request bodies must be JSON objects (CONTRACT.md section 1).
 */
import { InvalidRequest } from '../errors/errors.js';

export function requireObject(body: unknown): Readonly<Record<string, unknown>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidRequest('request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}
