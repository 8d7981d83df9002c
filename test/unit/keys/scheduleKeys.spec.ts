/**
 * @module test/unit/keys/scheduleKeys
 * The pure schedule every key store shares: which key signs, which are
 * published, when a retired key drops out.
 */
import { expect } from 'chai';
import { nextSequence, scheduleKeys, type ScheduledKey } from '../../../src/keys/scheduleKeys.js';
import type { SigningKey } from '../../../src/stores/KeyStore.js';

const key = (kid: string, sequence: number, activatesAt: number): ScheduledKey => ({
  key: { kid, alg: 'RS256' } as SigningKey,
  createdAt: activatesAt,
  activatesAt,
  sequence,
});
const kids = (keys: readonly SigningKey[]): string[] => keys.map((k) => k.kid);
const WINDOW = 1000;

describe('scheduleKeys()', () => {
  describe('when there is one key', () => {
    it('signs with it and publishes it, whatever the time', () => {
      const schedule = scheduleKeys([key('a', 0, 100)], 100_000, WINDOW);
      expect(schedule.signing.kid).to.equal('a');
      expect(kids(schedule.published)).to.deep.equal(['a']);
      expect(schedule.statuses[0]).to.include({ state: 'active' }).and.not.have.property('retiresAt');
    });
  });

  describe('when a newer key was published with a lead time', () => {
    const keys = [key('new', 1, 500), key('old', 0, 100)];

    it('before its activation, keeps signing with the old key and publishes both', () => {
      const schedule = scheduleKeys(keys, 499, WINDOW);
      expect(schedule.signing.kid).to.equal('old');
      expect(kids(schedule.published)).to.deep.equal(['old', 'new']);
      expect(schedule.statuses.map((s) => s.state)).to.deep.equal(['active', 'pending']);
    });

    it('at its activation, signs with it and keeps the old key as retired', () => {
      const schedule = scheduleKeys(keys, 500, WINDOW);
      expect(schedule.signing.kid).to.equal('new');
      expect(kids(schedule.published)).to.deep.equal(['old', 'new']);
      expect(schedule.statuses[0]).to.include({ state: 'retired', retiresAt: 500, dropsAt: 500 + WINDOW });
    });

    it('one second before the end of the window, still publishes the old key', () => {
      expect(kids(scheduleKeys(keys, 500 + WINDOW - 1, WINDOW).published)).to.deep.equal(['old', 'new']);
    });

    it('at the end of the window, drops the old key', () => {
      const schedule = scheduleKeys(keys, 500 + WINDOW, WINDOW);
      expect(kids(schedule.published)).to.deep.equal(['new']);
      expect(schedule.statuses[0]!.state).to.equal('dropped');
    });
  });

  describe('when two keys activate at the same second', () => {
    it('orders them by sequence, then kid, so the later rotation wins on every instance', () => {
      const a = scheduleKeys([key('b', 10, 50), key('a', 10, 50), key('c', 5, 50)], 60, WINDOW);
      expect(a.signing.kid).to.equal('b');
      expect(a.statuses.map((s) => s.key.kid)).to.deep.equal(['c', 'a', 'b']);
    });
  });

  describe('when no key has activated yet (a writer whose clock runs ahead)', () => {
    it('signs with the earliest rather than with none', () => {
      expect(scheduleKeys([key('later', 0, 90), key('early', 1, 80)], 20, WINDOW).signing.kid).to.equal('early');
    });
  });

  describe('when given no key', () => {
    it('throws a RangeError', () => {
      expect(() => scheduleKeys([], 0, WINDOW)).to.throw(RangeError);
    });
  });
});

describe('nextSequence()', () => {
  it('is one more than the highest sequence, or 0 for no key', () => {
    expect(nextSequence([])).to.equal(0);
    expect(nextSequence([key('a', 0, 1), key('b', 4, 1), key('c', 2, 1)])).to.equal(5);
  });
});
