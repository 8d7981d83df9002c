/**
 * @module test/validator/forgeToken
 * Tokens an attacker can make from a real one without the key: another
 * header over the same payload, `alg: none`, HMAC keyed with the issuer's
 * published public key, or one flipped signature character.
 */
import { createHmac } from 'node:crypto';

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export function headerOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Same payload and signature under a changed header (the signature no longer matches). */
export function withHeader(token: string, changes: Readonly<Record<string, unknown>>): string {
  const [, payload, signature] = token.split('.');
  return `${encode({ ...headerOf(token), ...changes })}.${payload}.${signature}`;
}

/** `alg: none` with an empty signature (RFC 7519 section 6, the unsecured JWT). */
export function unsecured(token: string): string {
  const [, payload] = token.split('.');
  return `${encode({ ...headerOf(token), alg: 'none' })}.${payload}.`;
}

/** HS256 keyed with `secret`, e.g. the JSON of the issuer's public JWK (the classic key-confusion forgery). */
export function hmacSigned(token: string, secret: string): string {
  const [, payload] = token.split('.');
  const input = `${encode({ ...headerOf(token), alg: 'HS256' })}.${payload}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** One signature character changed (in the middle, so the base64url stays canonical). */
export function tampered(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const at = Math.floor(signature.length / 2);
  const swapped = signature[at] === 'A' ? 'B' : 'A';
  return `${header}.${payload}.${signature.slice(0, at)}${swapped}${signature.slice(at + 1)}`;
}
