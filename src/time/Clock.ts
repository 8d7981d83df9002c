/**
 * @module time/Clock
 * The source of "now". Bound under `TYPES.Clock` so tests (and users with a
 * synchronised time source) can replace it; every expiry decision reads it.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = Object.freeze({ now: (): number => Date.now() });

/** Whole seconds since the epoch, as JWT time claims use (RFC 7519 section 2). */
export function epochSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000);
}
