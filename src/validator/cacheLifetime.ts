/**
 * @module validator/cacheLifetime
 * How long a response may be used without asking again, from its
 * `Cache-Control` (RFC 9111 section 5.2.2): `no-store` and `no-cache` mean
 * revalidate every time, `max-age=N` means N seconds; a response without
 * either gets 0, so the caller's floor decides.
 */
export function cacheLifetimeSeconds(cacheControl: string | null): number {
  if (cacheControl === null) return 0;
  const directives = cacheControl.toLowerCase().split(',').map((part) => part.trim());
  if (directives.some((directive) => directive === 'no-store' || directive === 'no-cache')) return 0;
  for (const directive of directives) {
    const match = /^max-age="?(\d{1,10})"?$/.exec(directive);
    if (match !== null) return Number(match[1]);
  }
  return 0;
}
