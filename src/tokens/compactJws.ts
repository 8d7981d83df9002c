/**
 * @module tokens/compactJws
 * Splits a compact JWS (RFC 7515 section 7.1) strictly: exactly three
 * canonical base64url parts, a protected header that is a JSON object with a
 * string `alg`, and no `crit` (we understand no extension, so section 4.1.11
 * requires refusing one). Any failure is `malformed token`.
 */
import { InvalidToken } from '../errors/errors.js';
import { decodeBase64url } from './base64url.js';

export interface CompactJws {
  readonly header: Readonly<Record<string, unknown>> & { readonly alg: string };
  /** ASCII `header.payload`: the JWS signing input. */
  readonly signingInput: string;
  readonly payload: Uint8Array;
  readonly signature: Uint8Array;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function malformed(cause?: unknown): InvalidToken {
  return new InvalidToken('malformed token', cause === undefined ? undefined : { cause });
}

/** Parses JSON that must be an object; UTF-8 must be valid. */
export function jsonObject(bytes: Uint8Array): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch (cause) {
    throw malformed(cause);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw malformed();
  return value as Record<string, unknown>;
}

export function parseCompactJws(token: unknown): CompactJws {
  if (typeof token !== 'string') throw malformed();
  const parts = token.split('.');
  if (parts.length !== 3) throw malformed();
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const headerBytes = decodeBase64url(headerPart);
  const payload = decodeBase64url(payloadPart);
  const signature = decodeBase64url(signaturePart);
  if (headerBytes === undefined || payload === undefined || signature === undefined) throw malformed();
  const header = jsonObject(headerBytes);
  if (typeof header['alg'] !== 'string' || header['crit'] !== undefined) throw malformed();
  return {
    header: header as CompactJws['header'],
    signingInput: `${headerPart}.${payloadPart}`,
    payload,
    signature,
  };
}
