/**
 * @module bench/crypto/worker
 * One per core. Builds (and cross-checks) the primitives, then on each
 * `{ task, ms }` message runs that op in a tight loop for `ms` and answers
 * `{ ops, elapsedMs }`. The parent sends the same task to every worker at
 * once, so all cores work together.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BENCH_ALGORITHMS } from '../benchAlgorithms.js';
import { combined, rs256Sign, walletVerify, type Op } from './primitives.js';

export interface TaskMessage {
  readonly task: string;
  readonly ms: number;
}

export interface TaskResult {
  readonly ops: number;
  readonly elapsedMs: number;
}

export interface WorkerReady {
  readonly ready: true;
  readonly implementations: Record<string, string>;
}

const port = parentPort;
if (port === null) throw new Error('bench/crypto/worker must run as a worker thread');

const ops = new Map<string, Op>();
const implementations: Record<string, string> = {};
const rs256 = await rs256Sign();
ops.set('rs256', rs256.op);
implementations['rs256'] = rs256.implementation;
for (const algorithm of BENCH_ALGORITHMS) {
  const verify = await walletVerify(algorithm, (workerData as { engine?: string }).engine);
  ops.set(`verify:${algorithm}`, verify.op);
  ops.set(`signIn:${algorithm}`, combined(verify.op, rs256.op));
  implementations[algorithm] = verify.implementation;
}
// The pure-JS reference too, for comparison with the WASM build.
const nobleMlDsa = await walletVerify('ML-DSA-65', 'noble');
ops.set('verify:ML-DSA-65/noble', nobleMlDsa.op);
ops.set('signIn:ML-DSA-65/noble', combined(nobleMlDsa.op, rs256.op));

function time(op: Op, ms: number): TaskResult {
  for (let i = 0; i < 20; i++) op(); // warm the JIT
  const start = performance.now();
  const end = start + ms;
  let count = 0;
  let now = start;
  while (now < end) {
    op();
    count += 1;
    now = performance.now();
  }
  return { ops: count, elapsedMs: now - start };
}

port.on('message', ({ task, ms }: TaskMessage) => {
  const op = ops.get(task);
  if (op === undefined) throw new Error(`unknown task ${task}`);
  port.postMessage(time(op, ms) satisfies TaskResult);
});
port.postMessage({ ready: true, implementations } satisfies WorkerReady);
