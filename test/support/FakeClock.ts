/**
 * @module test/support/FakeClock
 * A clock the test moves by hand, so expiry is tested without sleeping.
 */
import type { Clock } from '../../src/time/Clock.js';

export class FakeClock implements Clock {
  constructor(private current: number = Date.UTC(2026, 0, 1)) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
