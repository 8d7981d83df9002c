/**
 * @module stores/redis/redisUrl
 * Redis URLs as they may appear in messages: without user name or password,
 * so a startup error or a log line never leaks credentials.
 */

/** `redis[s]://host:port/db` with any credentials and query removed; `(invalid Redis URL)` if unparsable. */
export function redactRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(invalid Redis URL)';
  }
  const path = parsed.pathname === '/' ? '' : parsed.pathname;
  return `${parsed.protocol}//${parsed.host}${path}`;
}
