/**
 * @module validator/decodeJws
 * Splits a compact JWS (RFC 7515 section 7.1) strictly, self-contained so the
 * validator pulls in nothing of the server: three canonical unpadded base64url
 * parts (Node's decoder skips foreign characters, so several strings could
 * decode to one token; only the canonical one is accepted), a header and a
 * payload that are JSON objects, a string `alg`, and no `crit` (we understand
 * no extension, so section 4.1.11 requires refusing one).
 */
import { invalidToken } from './ValidatorError.js';

export interface DecodedJws {
  readonly header: Readonly<Record<string, unknown>> & { readonly alg: string };
  readonly payload: Readonly<Record<string, unknown>>;
  /** ASCII `header.payload`: the JWS signing input. */
  readonly signingInput: string;
  readonly signature: Uint8Array;
}

const ALPHABET = /^[A-Za-z0-9_-]*$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Canonical unpadded base64url to bytes; undefined for anything else. */
export function decodeBase64url(text: string): Uint8Array | undefined {
  if (!ALPHABET.test(text) || text.length % 4 === 1) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) return undefined;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function jsonObject(part: string): Record<string, unknown> {
  const bytes = decodeBase64url(part);
  if (bytes === undefined) throw invalidToken('malformed', 'malformed token');
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch (cause) {
    throw invalidToken('malformed', 'malformed token', cause);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidToken('malformed', 'malformed token');
  return value as Record<string, unknown>;
}

export function decodeJws(token: string): DecodedJws {
  const parts = token.split('.');
  if (parts.length !== 3) throw invalidToken('malformed', 'malformed token');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = jsonObject(headerPart);
  const payload = jsonObject(payloadPart);
  const signature = decodeBase64url(signaturePart);
  if (signature === undefined || typeof header['alg'] !== 'string' || header['crit'] !== undefined) {
    throw invalidToken('malformed', 'malformed token');
  }
  return {
    header: header as DecodedJws['header'],
    payload,
    signingInput: `${headerPart}.${payloadPart}`,
    signature,
  };
}
