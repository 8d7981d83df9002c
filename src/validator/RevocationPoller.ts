/**
 * @module validator/RevocationPoller
 * Keeps a copy of the server's revocation feed (`GET /revoked-jtis`, read
 * with a `service` token). Each poll asks only for what is new: `since` is
 * the largest `revoked_at` seen (entries of that second come again and are
 * deduplicated by jti) and `If-None-Match` the last ETag, so an idle feed
 * answers 304 without a body.
 *
 * The set stays bounded: an entry leaves when its `exp` passes (plus the
 * clock tolerance), since the token can no longer be accepted anyway; an
 * entry without `exp` leaves `maxTokenLifetimeSeconds` after it was revoked,
 * which is safe because `verify()` refuses tokens living longer than that.
 *
 * Unreachable feed: each failed poll goes to `onError`; once no poll has
 * succeeded for `maxStalenessSeconds`, `check()` refuses every token
 * (`fail-closed`, the default) or keeps using the last known set
 * (`fail-open`). Before the first successful poll the set is unknown, which
 * counts as stale for `fail-closed`: `check()` waits for the first poll.
 */
import { ValidatorUnavailableError, InvalidTokenError } from './ValidatorError.js';
import type { Endpoints } from './Endpoints.js';
import type { ResolvedOptions, ResolvedRevocationOptions } from './ValidatorOptions.js';

const REQUEST_TIMEOUT_MS = 10_000;

interface FeedItem {
  readonly jti: string;
  readonly revoked_at: number;
  readonly exp?: number;
}

function feedItems(body: unknown): readonly FeedItem[] {
  const items = (body as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new Error('revocation feed: no items array');
  return items.filter(
    (item): item is FeedItem =>
      typeof item?.jti === 'string' && typeof item.revoked_at === 'number' && (item.exp === undefined || typeof item.exp === 'number'),
  );
}

export class RevocationPoller {
  /** jti → epoch seconds after which the entry may be dropped. */
  readonly #revoked = new Map<string, number>();
  #since = 0;
  #etag: string | undefined;
  /** Milliseconds of the last successful poll; undefined before the first. */
  #lastSuccess: number | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  readonly #first: Promise<void>;

  constructor(
    private readonly options: ResolvedOptions,
    private readonly feed: ResolvedRevocationOptions,
    private readonly endpoints: Endpoints,
  ) {
    this.#first = this.#tick();
  }

  /** Number of entries held (for tests and metrics). */
  get size(): number {
    return this.#revoked.size;
  }

  /** Throws for a revoked `jti`, or when the feed is stale under `fail-closed`. */
  async check(jti: string): Promise<void> {
    if (this.#lastSuccess === undefined) await this.#first;
    const now = this.options.now();
    const stale = this.#lastSuccess === undefined || now - this.#lastSuccess > this.feed.maxStalenessSeconds * 1000;
    if (stale && this.feed.onUnreachable === 'fail-closed') {
      throw new ValidatorUnavailableError('revocation_stale', 'revocation feed unavailable');
    }
    const until = this.#revoked.get(jti);
    if (until !== undefined && until >= now / 1000) throw new InvalidTokenError('revoked', 'token revoked');
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.#first;
  }

  /** One poll now (tests call it instead of waiting for the timer). */
  async poll(): Promise<void> {
    const { revocation } = await this.endpoints.get();
    const target = new URL(revocation);
    target.searchParams.set('since', String(this.#since));
    const headers: Record<string, string> = { authorization: `Bearer ${this.feed.serviceToken}` };
    if (this.#etag !== undefined) headers['if-none-match'] = this.#etag;
    const res = await this.options.fetch(target.href, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    if (res.status !== 304) {
      if (!res.ok) throw new Error(`revocation feed ${revocation}: HTTP ${res.status}`);
      this.#absorb(feedItems(await res.json()));
      this.#etag = res.headers.get('etag') ?? undefined;
    }
    this.#lastSuccess = this.options.now();
    this.#prune();
  }

  #absorb(items: readonly FeedItem[]): void {
    for (const item of items) {
      const until = item.exp ?? item.revoked_at + this.options.maxTokenLifetimeSeconds;
      this.#revoked.set(item.jti, until + this.options.clockToleranceSeconds);
      // A later `since` changes the query, so the old ETag no longer applies to it.
      if (item.revoked_at > this.#since) this.#since = item.revoked_at;
    }
  }

  #prune(): void {
    const now = this.options.now() / 1000;
    for (const [jti, until] of this.#revoked) if (until < now) this.#revoked.delete(jti);
  }

  async #tick(): Promise<void> {
    try {
      await this.poll();
    } catch (error) {
      this.options.onError(error);
    }
    if (this.#closed) return;
    // unref: a validator left open must not keep the resource server's process alive.
    this.#timer = setTimeout(() => void this.#tick(), this.feed.pollIntervalSeconds * 1000);
    this.#timer.unref();
  }
}
