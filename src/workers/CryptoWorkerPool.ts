/**
 * @module workers/CryptoWorkerPool
 * Worker threads, one per core by default, that run CPU-bound crypto off the
 * event loop: wallet signature verification and token signing for the
 * algorithms that ask for it (ML-DSA-65). A round trip costs the event loop
 * about 7 µs, less than handing one job to the libuv thread pool (about
 * 14 µs), and far less than ML-DSA-65 in JS (1.3 ms) or a secp256k1 key
 * import (90 µs) done in place.
 * - Workers start on first use; an idle worker is `unref`ed, so the pool never
 *   keeps a process alive, and is `ref`ed while it has work in flight.
 * - A worker that dies has its in-flight jobs answered by the in-thread
 *   fallback (the reference implementations) and is replaced on next use;
 *   after repeated failures the pool stops spawning and runs jobs in-thread.
 * - `close()` terminates the workers; later calls start new ones.
 * - `useEngines()` changes the verify engines new workers load (from
 *   `server_auth.ml_dsa_engine`); running workers are retired for it.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TokenAlgorithm, WalletAlgorithm } from '../algorithms/names.js';
import type { WorkerVerifyOptions } from '../wallet/WalletScheme.js';
import type { CryptoJob, JobReply, JobRequest, JobResult, WorkerHello, WorkerStart } from './cryptoJobs.js';

/** Runs a job in this thread: the reference implementations. May throw (signing). */
export type RunInThread = (job: CryptoJob) => boolean | Uint8Array;

export interface CryptoWorkerPoolOptions {
  /** Worker count (default: available parallelism). */
  readonly size?: number;
  /** Answers jobs when no worker can. */
  readonly fallback: RunInThread;
  /** Verify engine choices by scheme (default: `auto` for each). */
  readonly engines?: WorkerVerifyOptions['engines'];
}

type Engines = Readonly<Record<string, string>>;

interface Task {
  readonly job: CryptoJob;
  readonly resolve: (result: boolean | Uint8Array) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Task>;
  readonly engines: Promise<Engines | undefined>;
}

const MAX_FAILURES = 3;

/** Comparable form of engine choices: `auto` is what an absent choice means, so it is left out. */
function engineKey(engines: WorkerVerifyOptions['engines']): string {
  return JSON.stringify(Object.entries(engines ?? {}).filter(([, choice]) => choice !== 'auto').sort());
}

export class CryptoWorkerPool {
  readonly #size: number;
  readonly #fallback: RunInThread;
  #slots: Slot[] = [];
  #nextId = 1;
  #failures = 0;
  #engines: WorkerVerifyOptions['engines'];

  constructor(options: CryptoWorkerPoolOptions) {
    this.#size = options.size ?? availableParallelism();
    if (!(this.#size >= 1)) throw new RangeError('size must be at least 1');
    this.#fallback = options.fallback;
    this.#engines = options.engines;
  }

  /**
   * Sets the verify engine choices of the workers started from now on; when
   * they differ from the current ones, running workers are retired (their
   * in-flight jobs answered in this thread) so the next job starts fresh ones.
   */
  useEngines(engines: WorkerVerifyOptions['engines']): void {
    if (engineKey(engines) === engineKey(this.#engines)) return;
    this.#engines = engines;
    void this.close();
  }

  /** Verifies a wallet signature; false, never a rejection, for anything invalid. */
  verify(algorithm: WalletAlgorithm, publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
    return this.run({ op: 'verify', algorithm, publicKey, message, signature });
  }

  /** The JWS signature of `message` with an algorithm whose registry entry signs `onWorkers`. */
  sign(algorithm: TokenAlgorithm, secretKey: Uint8Array, message: Uint8Array): Promise<Uint8Array> {
    return this.run({ op: 'sign', algorithm, secretKey, message });
  }

  /** The FIPS 204 ML-DSA-65 signature (pure, empty context) of `message`. */
  signMlDsa65(secretKey: Uint8Array, message: Uint8Array): Promise<Uint8Array> {
    return this.sign('ML-DSA-65', secretKey, message);
  }

  /** Runs `job` on the least-busy worker (starting one if fewer than `size` run). */
  run<J extends CryptoJob>(job: J): Promise<JobResult<J>> {
    const slot = this.#pick();
    return new Promise<boolean | Uint8Array>((resolve, reject) => {
      const task: Task = { job, resolve, reject };
      if (slot === undefined) {
        this.#answer(task);
        return;
      }
      const id = this.#nextId++;
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(id, task);
      slot.worker.postMessage({ id, job } satisfies JobRequest);
    }) as Promise<JobResult<J>>;
  }

  /** The engine a worker verifies `algorithm` with (ML-DSA-65: `liboqs` or `noble`), or `in-thread` without workers. */
  async engine(algorithm: WalletAlgorithm = 'ML-DSA-65'): Promise<string> {
    const slot = this.#pick();
    return (slot === undefined ? undefined : (await slot.engines)?.[algorithm]) ?? 'in-thread';
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
    const start: WorkerStart = this.#engines === undefined ? {} : { engines: this.#engines };
    const worker = new Worker(new URL('./cryptoWorker.js', import.meta.url), { workerData: start });
    worker.unref();
    let announced: (engines: Engines | undefined) => void = () => undefined;
    const slot: Slot = { worker, pending: new Map(), engines: new Promise((resolve) => (announced = resolve)) };
    worker.on('message', (message: JobReply | WorkerHello) => {
      if ('engines' in message) {
        announced(message.engines);
        return;
      }
      const task = slot.pending.get(message.id);
      if (task === undefined) return;
      slot.pending.delete(message.id);
      if (slot.pending.size === 0) worker.unref();
      if (message.ok) task.resolve(message.result);
      else task.reject(new Error(`crypto worker: ${message.error}`));
    });
    const died = (): void => {
      if (!this.#slots.includes(slot)) return;
      this.#failures += 1;
      this.#slots = this.#slots.filter((other) => other !== slot);
      announced(undefined);
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

  /** Answers a dead or retired worker's jobs in this thread. */
  #drain(slot: Slot): void {
    for (const task of slot.pending.values()) this.#answer(task);
    slot.pending.clear();
  }

  #answer(task: Task): void {
    try {
      task.resolve(this.#fallback(task.job));
    } catch (error) {
      // A verification that throws is a failed one; a signing failure is the caller's to see.
      if (task.job.op === 'verify') task.resolve(false);
      else task.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
