/**
 * @module bench/memory/challengeMemory
 * Heap held by 100k pending challenges in `MemoryChallengeStore`, for short
 * (Ed25519-size) and ML-DSA-65-size (3904 hex characters) addresses. Run with
 * `node --expose-gc`; prints one JSON line.
 */
import { randomBytes } from 'node:crypto';
import { MemoryChallengeStore } from '../../src/stores/memory/MemoryChallengeStore.js';
import { systemClock } from '../../src/time/Clock.js';

const COUNT = 100_000;
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');

function heapAfterGc(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

/** Heap bytes held by COUNT pending challenges for addresses of `addressBytes` bytes. */
async function heldBy(addressBytes: number): Promise<number> {
  // Distinct addresses, as from distinct wallets. They stay alive across both
  // readings, so the difference is only what the store keeps.
  const addresses = Array.from({ length: COUNT }, () => randomBytes(addressBytes).toString('hex'));
  const store = new MemoryChallengeStore({ ttlSeconds: 3600, maxPending: COUNT, clock: systemClock });
  const before = heapAfterGc();
  for (const address of addresses) await store.create(address);
  const after = heapAfterGc();
  if (store.size !== COUNT || addresses.length !== COUNT) throw new Error(`expected ${COUNT} pending, got ${store.size}`);
  return after - before;
}

const short = await heldBy(32);
const mlDsa = await heldBy(1952);
console.log(JSON.stringify({ count: COUNT, shortAddressBytes: short, mlDsaAddressBytes: mlDsa }));
