/**
 * @module bench/crypto/cryptoLimit
 * The crypto limit: ops/s of each primitive and of one sign-in's crypto
 * (wallet verify + 2 x RS256 sign, measured directly as one combined op),
 * with one worker thread per core all timing the same op at once. Each
 * figure also carries the CPU time per op (this process's CPU while only the
 * workers run), which, unlike ops/s, does not drop when other tenants of a
 * shared machine take the cores.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BENCH_ALGORITHMS, type BenchAlgorithm } from '../benchAlgorithms.js';
import type { TaskResult, WorkerReady } from './worker.js';

export interface Measured {
  /** All-core ops/s. */
  readonly perSec: number;
  /** CPU microseconds per op. */
  readonly cpuUs: number;
}

export interface CryptoLimit {
  readonly cores: number;
  /** Implementation per primitive (`rs256`, then each wallet algorithm). */
  readonly implementations: Record<string, string>;
  readonly rs256Sign: Measured;
  readonly perAlgorithm: Record<BenchAlgorithm, AlgorithmLimit>;
  /** ML-DSA-65 with the pure-JS reference, for comparison. */
  readonly mlDsa65Noble: AlgorithmLimit;
}

export interface AlgorithmLimit {
  /** The wallet verification, from the raw key bytes a client sends. */
  readonly verify: Measured;
  /** Measured as one combined op: this is the crypto limit. */
  readonly signIn: Measured;
  /** Derived: 1 / (1/verify + 2/rs256) from the all-core figures; a cross-check of the measured one. */
  readonly signInPerSecFormula: number;
}

const TIMINGS = { rs256: 700, verify: 500, signIn: 900 } as const;

async function onAll(workers: readonly Worker[], task: string, ms: number): Promise<Measured> {
  const cpuStart = process.cpuUsage();
  const results = await Promise.all(workers.map((worker) => reply<TaskResult>(worker, { task, ms })));
  const cpu = process.cpuUsage(cpuStart);
  const ops = results.reduce((sum, result) => sum + result.ops, 0);
  return {
    perSec: results.reduce((sum, result) => sum + (result.ops * 1000) / result.elapsedMs, 0),
    cpuUs: (cpu.user + cpu.system) / ops,
  };
}

/** The worker's next message (after posting `message`, if given); rejects if it fails first. */
function reply<T>(worker: Worker, message?: object): Promise<T> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      worker.off('message', onMessage);
      reject(error);
    };
    const onMessage = (value: T): void => {
      worker.off('error', onError);
      resolve(value);
    };
    worker.once('message', onMessage).once('error', onError);
    if (message !== undefined) worker.postMessage(message);
  });
}

async function start(engine: string | undefined): Promise<{ worker: Worker; ready: WorkerReady }> {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { engine } });
  return { worker, ready: await reply<WorkerReady>(worker) };
}

/** Worker threads, one per core, kept for the whole bench so limits can be re-measured next to each HTTP run. */
export class CryptoBench {
  private constructor(
    private readonly workers: readonly Worker[],
    readonly implementations: Record<string, string>,
  ) {}

  static async start(engine?: string): Promise<CryptoBench> {
    const started = await Promise.all(Array.from({ length: availableParallelism() }, () => start(engine)));
    return new CryptoBench(started.map(({ worker }) => worker), started[0]!.ready.implementations);
  }

  get cores(): number {
    return this.workers.length;
  }

  /** One algorithm's combined op (`ML-DSA-65/noble` for the pure-JS reference). */
  signIn(algorithm: string, ms: number = TIMINGS.signIn): Promise<Measured> {
    return onAll(this.workers, `signIn:${algorithm}`, ms);
  }

  async limit(): Promise<CryptoLimit> {
    const rs256Sign = await onAll(this.workers, 'rs256', TIMINGS.rs256);
    const limitOf = async (suffix: string): Promise<AlgorithmLimit> => {
      const verify = await onAll(this.workers, `verify:${suffix}`, TIMINGS.verify);
      const signIn = await this.signIn(suffix);
      return { verify, signIn, signInPerSecFormula: 1 / (1 / verify.perSec + 2 / rs256Sign.perSec) };
    };
    const perAlgorithm = {} as Record<BenchAlgorithm, AlgorithmLimit>;
    for (const algorithm of BENCH_ALGORITHMS) perAlgorithm[algorithm] = await limitOf(algorithm);
    const mlDsa65Noble = await limitOf('ML-DSA-65/noble');
    return { cores: this.cores, implementations: this.implementations, rs256Sign, perAlgorithm, mlDsa65Noble };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
