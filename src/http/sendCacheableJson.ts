/**
 * @module http/sendCacheableJson
 * Sends a JSON document that caches may keep (the JWKS, the discovery
 * document): `Cache-Control: public, max-age=N` and a strong `ETag` that is a
 * hash of the exact body bytes, so it changes exactly when the body does.
 * A request whose `If-None-Match` lists that tag (or `*`) gets 304 without a
 * body (RFC 9110 sections 8.8.3 and 13.1.2; If-None-Match compares weakly).
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === etag);
}

/** `cacheControl` e.g. `public, max-age=300` (JWKS) or `no-cache` (revalidate every time). */
export function sendCacheableJson(req: Request, res: Response, document: unknown, cacheControl: string): void {
  const body = JSON.stringify(document);
  const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
  res.set({ 'Cache-Control': cacheControl, ETag: etag });
  if (matches(req.get('If-None-Match'), etag)) {
    res.status(304).end();
    return;
  }
  res.status(200).type('application/json').send(body);
}
