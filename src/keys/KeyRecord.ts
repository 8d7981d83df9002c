/**
 * @module keys/KeyRecord
 * One signing key as stored: the private JWK and when it starts signing. A
 * record is never changed once written; rotation adds a newer record, and
 * retirement follows from it (see `scheduleKeys`), so instances sharing a
 * directory agree without coordinating writes.
 */
import type { JWK } from 'jose';
import { isTokenAlgorithm, type TokenAlgorithm } from '../tokens/TokenAlgorithm.js';
import { generatePrivateJwk } from './generatePrivateJwk.js';
import type { KeyTiming, ScheduledKey } from './scheduleKeys.js';
import { signingKeyFromJwk } from './signingKeyFromJwk.js';

export const KEY_RECORD_FORMAT = 'pico-server-auth/signing-key@1';

export interface KeyRecord {
  readonly format: typeof KEY_RECORD_FORMAT;
  /** RFC 7638 thumbprint of the public key (checked on load). */
  readonly kid: string;
  readonly alg: TokenAlgorithm;
  /** Epoch seconds: when the key was created and published. */
  readonly created_at: number;
  /** Epoch seconds: from when the key signs (created_at + publish lead for a rotation). */
  readonly activates_at: number;
  /** Creation order among keys activating in the same second (see `KeyTiming.sequence`). */
  readonly sequence: number;
  /** The private JWK (RFC 7517; AKP per RFC 9964 with `priv` = seed). */
  readonly jwk: JWK;
}

const isSeconds = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** Checks the shape of a parsed key file; the message names the first problem. */
export function parseKeyRecord(value: unknown): KeyRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError('not a JSON object');
  const record = value as Record<string, unknown>;
  if (record['format'] !== KEY_RECORD_FORMAT) throw new TypeError(`format is not ${KEY_RECORD_FORMAT}`);
  if (typeof record['kid'] !== 'string' || record['kid'] === '') throw new TypeError('kid missing');
  if (!isTokenAlgorithm(record['alg'])) throw new TypeError(`unknown alg ${String(record['alg'])}`);
  if (!isSeconds(record['created_at']) || !isSeconds(record['activates_at'])) {
    throw new TypeError('created_at and activates_at must be epoch seconds');
  }
  if (!isSeconds(record['sequence'])) throw new TypeError('sequence must be a non-negative integer');
  const jwk = record['jwk'];
  if (jwk === null || typeof jwk !== 'object' || Array.isArray(jwk)) throw new TypeError('jwk missing');
  return record as unknown as KeyRecord;
}

/** Builds the key a record holds; refuses a record whose `kid` is not its key's thumbprint. */
export async function importKeyRecord(record: KeyRecord): Promise<ScheduledKey> {
  const key = await signingKeyFromJwk(record.alg, record.jwk);
  if (key.kid !== record.kid) throw new TypeError(`kid ${record.kid} is not the thumbprint of its key (${key.kid})`);
  return Object.freeze({ key, createdAt: record.created_at, activatesAt: record.activates_at, sequence: record.sequence });
}

/** A new key of `alg` with the given timing. */
export async function createKeyRecord(
  alg: TokenAlgorithm,
  timing: KeyTiming,
): Promise<{ readonly record: KeyRecord; readonly scheduled: ScheduledKey }> {
  const jwk = await generatePrivateJwk(alg);
  const key = await signingKeyFromJwk(alg, jwk);
  const record: KeyRecord = {
    format: KEY_RECORD_FORMAT,
    kid: key.kid,
    alg,
    created_at: timing.createdAt,
    activates_at: timing.activatesAt,
    sequence: timing.sequence,
    jwk,
  };
  return { record, scheduled: Object.freeze({ key, ...timing }) };
}
