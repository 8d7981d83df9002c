/**
 * @module tokens/base64url
 * Strict base64url (RFC 7515 section 2: no padding, URL-safe alphabet).
 * Node's decoder silently skips foreign characters and ignores trailing bits;
 * for a token that would make several strings decode to the same bytes, so
 * we accept only the canonical encoding of the decoded bytes.
 */
const ALPHABET = /^[A-Za-z0-9_-]*$/;

export function encodeBase64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/** Decodes canonical unpadded base64url; undefined for anything else. */
export function decodeBase64url(text: string): Uint8Array | undefined {
  if (!ALPHABET.test(text) || text.length % 4 === 1) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) return undefined;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
