/**
 * @module wallet/VerifyWorkerPool
 * Worker threads, one per core by default, that verify wallet signatures
 * off the event loop. A round trip costs the event loop about 7 µs, less than
 * handing one job to the libuv thread pool (about 14 µs), and far less than
 * ML-DSA-65 in JS (1.3 ms) or a secp256k1 key import (90 µs) done in place.
 * - Workers start on first use; an idle worker is `unref`ed, so the pool never
 *   keeps a process alive, and is `ref`ed while it has work in flight.
 * - A worker that dies has its in-flight tasks answered by the in-thread
 *   reference verifier and is replaced on next use; after repeated failures
 *   the pool stops spawning and verifies in-thread.
 * - `close()` terminates the workers; later calls start new ones.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { VerifyReply, VerifyRequest, WorkerHello } from './verifyWorker.js';
import type { WalletAlgorithm } from './WalletAlgorithm.js';

export type SyncVerify = (
  algorithm: WalletAlgorithm,
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
) => boolean;

export interface VerifyWorkerPoolOptions {
  /** Worker count (default: available parallelism). */
  readonly size?: number;
  /** Answers tasks when no worker can: the reference implementation. */
  readonly fallback: SyncVerify;
}

interface Task {
  readonly request: VerifyRequest;
  readonly resolve: (ok: boolean) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Task>;
  readonly engine: Promise<string>;
}

const MAX_FAILURES = 3;

export class VerifyWorkerPool {
  readonly #size: number;
  readonly #fallback: SyncVerify;
  #slots: Slot[] = [];
  #nextId = 1;
  #failures = 0;

  constructor(options: VerifyWorkerPoolOptions) {
    this.#size = options.size ?? availableParallelism();
    if (!(this.#size >= 1)) throw new RangeError('size must be at least 1');
    this.#fallback = options.fallback;
  }

  /** Verifies on the least-busy worker (starting one if fewer than `size` run). */
  verify(algorithm: WalletAlgorithm, publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
    const slot = this.#pick();
    const request: VerifyRequest = { id: this.#nextId++, algorithm, publicKey, message, signature };
    if (slot === undefined) return Promise.resolve(this.#answer(request));
    return new Promise((resolve) => {
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(request.id, { request, resolve });
      slot.worker.postMessage(request);
    });
  }

  /** The engine a worker runs (`liboqs` or `noble`), or `in-thread` once the pool gave up on workers. */
  async engine(): Promise<string> {
    const slot = this.#pick();
    return slot === undefined ? 'in-thread' : slot.engine;
  }

  /** Running workers. */
  get size(): number {
    return this.#slots.length;
  }

  async close(): Promise<void> {
    const slots = this.#slots;
    this.#slots = [];
    await Promise.all(slots.map((slot) => this.#retire(slot)));
  }

  #pick(): Slot | undefined {
    if (this.#failures >= MAX_FAILURES) return undefined;
    let best: Slot | undefined;
    for (const slot of this.#slots) if (best === undefined || slot.pending.size < best.pending.size) best = slot;
    if (best !== undefined && (best.pending.size === 0 || this.#slots.length >= this.#size)) return best;
    try {
      return this.#spawn();
    } catch {
      this.#failures += 1;
      return best;
    }
  }

  #spawn(): Slot {
    const worker = new Worker(new URL('./verifyWorker.js', import.meta.url));
    worker.unref();
    let announced: (engine: string) => void = () => undefined;
    const slot: Slot = { worker, pending: new Map(), engine: new Promise((resolve) => (announced = resolve)) };
    worker.on('message', (message: VerifyReply | WorkerHello) => {
      if ('engine' in message) {
        announced(message.engine);
        return;
      }
      const task = slot.pending.get(message.id);
      if (task === undefined) return;
      slot.pending.delete(message.id);
      if (slot.pending.size === 0) worker.unref();
      task.resolve(message.ok);
    });
    const died = (): void => {
      if (!this.#slots.includes(slot)) return;
      this.#failures += 1;
      this.#slots = this.#slots.filter((other) => other !== slot);
      announced('in-thread');
      this.#drain(slot);
    };
    worker.once('error', died);
    worker.once('exit', died);
    this.#slots.push(slot);
    return slot;
  }

  async #retire(slot: Slot): Promise<void> {
    slot.worker.removeAllListeners().on('error', () => undefined);
    await slot.worker.terminate();
    this.#drain(slot);
  }

  /** Answers a dead or retired worker's tasks in this thread. */
  #drain(slot: Slot): void {
    for (const task of slot.pending.values()) task.resolve(this.#answer(task.request));
    slot.pending.clear();
  }

  #answer({ algorithm, publicKey, message, signature }: VerifyRequest): boolean {
    try {
      return this.#fallback(algorithm, publicKey, message, signature);
    } catch {
      return false;
    }
  }
}
