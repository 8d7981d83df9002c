/**
 * @module keys/scheduleKeys
 * Which key signs and which keys are published, at a given time. Pure: every
 * instance that holds the same records and reads the same clock agrees.
 *
 * Keys are ordered by activation time (then sequence, then kid). The
 * signing key is the last one whose activation time has passed. A key is
 * retired when the next key in that order activates: from then on it only
 * verifies, until every token it can have signed has expired
 * (`retireAfterSeconds` = longest token lifetime + grace), and then it leaves
 * the JWKS. Keys that have not activated yet are published already, so
 * validators hold them before the first token signed with them arrives.
 */
import type { SigningKey } from '../stores/KeyStore.js';

/** When a key was made and when it signs. */
export interface KeyTiming {
  /** Epoch seconds. */
  readonly createdAt: number;
  /** Epoch seconds from which the key signs. */
  readonly activatesAt: number;
  /**
   * One more than the highest sequence among the keys that existed when it was
   * made: orders keys that activate in the same second (two rotations in one
   * second) the way they were made.
   */
  readonly sequence: number;
}

export interface ScheduledKey extends KeyTiming {
  readonly key: SigningKey;
}

/** The sequence number of the next key made beside `keys`. */
export function nextSequence(keys: Iterable<KeyTiming>): number {
  let highest = -1;
  for (const { sequence } of keys) highest = Math.max(highest, sequence);
  return highest + 1;
}

export type KeyState = 'pending' | 'active' | 'retired' | 'dropped';

export interface KeyStatus extends ScheduledKey {
  readonly state: KeyState;
  /** Epoch seconds the key stopped (or will stop) signing: its successor's activation. */
  readonly retiresAt?: number;
  /** Epoch seconds the key leaves the JWKS. */
  readonly dropsAt?: number;
}

export interface KeySchedule {
  readonly signing: SigningKey;
  /** The JWKS, in activation order: retired keys still in their window, the signing key, pending keys. */
  readonly published: readonly SigningKey[];
  /** Every key with its state, in activation order. */
  readonly statuses: readonly KeyStatus[];
}

function compare(a: ScheduledKey, b: ScheduledKey): number {
  return a.activatesAt - b.activatesAt || a.sequence - b.sequence || (a.key.kid < b.key.kid ? -1 : a.key.kid > b.key.kid ? 1 : 0);
}

/**
 * @param now epoch seconds.
 * @throws RangeError when `keys` is empty.
 */
export function scheduleKeys(keys: readonly ScheduledKey[], now: number, retireAfterSeconds: number): KeySchedule {
  if (keys.length === 0) throw new RangeError('scheduleKeys needs at least one key');
  const ordered = [...keys].sort(compare);
  let signingIndex = -1;
  ordered.forEach((entry, index) => {
    if (entry.activatesAt <= now) signingIndex = index;
  });
  // No key active yet (only when a key was written by an instance whose clock
  // runs ahead of ours): sign with the earliest rather than not at all.
  if (signingIndex === -1) signingIndex = 0;

  const statuses = ordered.map((entry, index): KeyStatus => {
    const successor = ordered[index + 1];
    const retiresAt = successor?.activatesAt;
    const dropsAt = retiresAt === undefined ? undefined : retiresAt + retireAfterSeconds;
    let state: KeyState;
    if (index === signingIndex) state = 'active';
    else if (index > signingIndex) state = 'pending';
    else state = dropsAt !== undefined && now >= dropsAt ? 'dropped' : 'retired';
    return { ...entry, state, ...(retiresAt === undefined ? {} : { retiresAt, dropsAt }) };
  });
  return {
    signing: ordered[signingIndex]!.key,
    published: statuses.filter((status) => status.state !== 'dropped').map((status) => status.key),
    statuses,
  };
}
