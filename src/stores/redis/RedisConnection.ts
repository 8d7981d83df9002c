/**
 * @module stores/redis/RedisConnection
 * The one ioredis client the Redis stores share, set up to fail fast: while
 * Redis is unreachable every store call rejects at once with
 * `ServiceUnavailable` (503) instead of queueing, and the client reconnects by
 * itself with a capped backoff, so the same store instances serve again when
 * Redis is back. Connection errors are logged (once per outage), never thrown.
 */
import { Redis } from 'ioredis';
import { AuthServerError } from '../../errors/AuthServerError.js';
import { BootError } from '../../errors/BootError.js';
import { ServiceUnavailable } from '../../errors/errors.js';
import { consoleLogger, type Logger } from '../../logging/Logger.js';
import { redactRedisUrl } from './redisUrl.js';

export interface RedisConnectionOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://...` for TLS. */
  readonly url: string;
  /** Prepended to every key (default `pico-auth:`), so several deployments can share one Redis. */
  readonly keyPrefix?: string;
  /** How long `connect()` waits for Redis at startup, and each reconnect attempt (default 5000). */
  readonly connectTimeoutMs?: number;
  /** A command without an answer after this long fails with 503 (default 2000). */
  readonly commandTimeoutMs?: number;
  /** Where outages are reported (default: the container's logger, else the console). */
  readonly logger?: Logger;
}

export const DEFAULT_KEY_PREFIX = 'pico-auth:';
const DEFAULT_CONNECT_TIMEOUT_MS = 5000;
const DEFAULT_COMMAND_TIMEOUT_MS = 2000;
/** Reconnect backoff: 100 ms doubling up to 1 s, forever. */
const retryDelay = (attempt: number): number => Math.min(100 * 2 ** Math.min(attempt - 1, 4), 1000);
/** Failed commands outside a known outage are logged at most this often. */
const REPORT_EVERY_MS = 10_000;

/** `promise`, or nothing after `ms`. */
async function atMost(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

export type ScriptArg = string | number;
export type Script = (keys: readonly string[], args: readonly ScriptArg[]) => Promise<unknown>;

export class RedisConnection {
  readonly client: Redis;
  readonly keyPrefix: string;
  /** The URL without credentials: safe for messages. */
  readonly url: string;
  readonly connectTimeoutMs: number;
  #logger: Logger;
  #started = false;
  #closing = false;
  #down = false;
  #lastError: Error | undefined;
  #lastReport = 0;

  constructor(options: RedisConnectionOptions) {
    this.url = redactRedisUrl(options.url);
    this.keyPrefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.#logger = options.logger ?? consoleLogger;
    this.client = new Redis(options.url, {
      lazyConnect: true,
      // Fail fast: no queueing while disconnected, no retry of a command
      // whose connection dropped, no silent resend after a reconnect (a
      // resent consume could burn a challenge nobody gets the answer for).
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      connectTimeout: this.connectTimeoutMs,
      commandTimeout: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
      retryStrategy: retryDelay,
    });
    this.client.on('error', (error: Error) => this.#onError(error));
    this.client.on('close', () => this.#onClose());
    this.client.on('ready', () => this.#onReady());
  }

  /** Replaces the logger (the Redis module hands over the container's). */
  useLogger(logger: Logger): void {
    this.#logger = logger;
  }

  /** `prefix + parts.join(':')`. */
  key(...parts: readonly string[]): string {
    return this.keyPrefix + parts.join(':');
  }

  /** Starts connecting in the background (idempotent); store calls answer 503 until Redis is ready. */
  start(): void {
    if (this.#started || this.#closing) return;
    this.#started = true;
    this.client.connect().catch(() => undefined); // reported through the 'error' event
  }

  /** Whether commands can be sent now. */
  get ready(): boolean {
    return this.client.status === 'ready';
  }

  /**
   * Starts connecting and resolves once Redis answers. Rejects with a
   * BootError naming the URL (never its credentials) when Redis does not
   * answer within the connect timeout; the client keeps retrying until closed.
   */
  async connect(): Promise<void> {
    this.start();
    if (this.ready) return;
    await new Promise<void>((resolve, reject) => {
      const onReady = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.client.off('ready', onReady);
        const why = this.#lastError?.message ?? 'no answer';
        reject(new BootError(
          `redis.url: cannot connect to Redis at ${this.url} within ${this.connectTimeoutMs} ms (${why}); ` +
            'check the URL and that Redis is running',
          { cause: this.#lastError },
        ));
      }, this.connectTimeoutMs);
      this.client.once('ready', onReady);
    });
  }

  /** Defines a Lua script (run by EVALSHA, re-sent after a Redis restart empties the script cache). */
  script(name: string, numberOfKeys: number, lua: string): Script {
    const command = `pico_${name}`;
    this.client.defineCommand(command, { numberOfKeys, lua });
    const run = (this.client as unknown as Record<string, (...args: ScriptArg[]) => Promise<unknown>>)[command]!;
    return (keys, args) => run.call(this.client, ...keys, ...args);
  }

  /**
   * Runs a store operation. Any Redis failure (unreachable, timed out,
   * refused) becomes `ServiceUnavailable`, so the client gets 503 with a clear
   * detail, never a 500, and a caller never mistakes an outage for "no entry".
   */
  async run<T>(store: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof AuthServerError) throw error;
      this.#report(store, error);
      const refused = error instanceof Error && error.name === 'ReplyError';
      const why = refused ? `Redis refused the command (${error.message.split(' ')[0]})` : 'Redis is unreachable';
      throw new ServiceUnavailable(`store unavailable: ${store}: ${why}, retry later`, {
        cause: error,
        headers: { 'Retry-After': '1' },
      });
    }
  }

  /** Closes the connection (QUIT, then a hard disconnect after one second); no reconnect follows. */
  async close(): Promise<void> {
    this.#closing = true;
    const status = this.client.status;
    if (status === 'end') return;
    const ended = new Promise<void>((resolve) => this.client.once('end', () => resolve()));
    if (status === 'ready') await atMost(this.client.quit().then(() => undefined, () => undefined), 1000);
    this.client.disconnect();
    // A client between reconnect attempts has no socket to wait for.
    if (status !== 'reconnecting') await atMost(ended, 1000);
  }

  #onError(error: Error): void {
    this.#lastError = error;
    if (this.#closing || this.#down) return;
    this.#down = true;
    this.#logger.warn(
      `Redis at ${this.url}: ${error.message}; store calls answer 503 until it is reachable again (reconnecting)`,
    );
  }

  #onClose(): void {
    if (this.#closing || this.#down || !this.#started) return;
    this.#down = true;
    this.#logger.warn(`lost the connection to Redis at ${this.url}; store calls answer 503 until it is back (reconnecting)`);
  }

  #onReady(): void {
    this.#lastError = undefined;
    if (this.#down) this.#logger.info(`Redis at ${this.url} is reachable again`);
    else this.#logger.info(`connected to Redis at ${this.url} (key prefix ${this.keyPrefix})`);
    this.#down = false;
  }

  #report(store: string, error: unknown): void {
    const now = Date.now();
    if (this.#down || now - this.#lastReport < REPORT_EVERY_MS) return;
    this.#lastReport = now;
    this.#logger.warn(`${store}: Redis command failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
