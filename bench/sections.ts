/**
 * @module bench/sections
 * Each measured section of `npm run bench`, returning plain figures.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BENCH_ALGORITHMS, type BenchAlgorithm } from './benchAlgorithms.js';
import type { CryptoBench, Measured } from './crypto/cryptoLimit.js';
import { startAuthServer } from './http/authServer.js';
import { projectRoot, startServer } from './http/childProcess.js';
import type { LatencySummary } from './http/latency.js';
import type { PlainRun } from './http/plainScenario.js';
import { runLoad, type LoadOutcome } from './http/runLoad.js';
import type { SignInRun } from './http/signInScenario.js';

/** Fixed concurrency of every HTTP run. */
export const CONNECTIONS = 16;
const SIGN_IN_SECONDS = 5;
const PLAIN_SECONDS = 3;

export interface EndToEnd {
  readonly signInsPerSec: number;
  /** Crypto limit measured just before and just after this run (the machine is shared: it drifts). */
  readonly cryptoBefore: Measured;
  readonly cryptoAfter: Measured;
  /** Mean of the two: the baseline of `ratio`. */
  readonly cryptoLimit: number;
  /** end-to-end / crypto limit, both in sign-ins/s. */
  readonly ratio: number;
  /**
   * The same ratio from CPU time instead of wall-clock throughput: crypto CPU
   * per sign-in / (server + load generator CPU per sign-in). What the ratio
   * would be with the cores to ourselves; other tenants do not move it.
   */
  readonly cpuRatio?: number;
  readonly pair: LatencySummary;
  readonly signIn: LatencySummary;
  readonly pairs: number;
  readonly failures: number;
  readonly firstFailure?: string;
  /** CPU per sign-in (challenge + sign-in), in microseconds: server (all threads), its event loop, the load generator, the crypto alone. */
  readonly serverCpuUs?: number;
  readonly eventLoopCpuUs?: number;
  readonly loaderCpuUs: number;
  readonly cryptoCpuUs: number;
  /** Cores busy with other work on this machine during the run (the machine is shared). */
  readonly otherLoadCores?: number;
}

export async function endToEnd(algorithm: BenchAlgorithm, crypto: CryptoBench): Promise<EndToEnd> {
  const cryptoBefore = await crypto.signIn(algorithm);
  const server = await startAuthServer();
  let outcome: LoadOutcome<SignInRun>;
  try {
    outcome = await runLoad<SignInRun>(
      { kind: 'signIn', port: server.port, algorithm, connections: CONNECTIONS, seconds: SIGN_IN_SECONDS },
      server.process.pid,
    );
  } finally {
    await server.stop();
  }
  const cryptoAfter = await crypto.signIn(algorithm);
  const run = outcome.result;
  const cryptoLimit = (cryptoBefore.perSec + cryptoAfter.perSec) / 2;
  const cryptoCpuUs = (cryptoBefore.cpuUs + cryptoAfter.cpuUs) / 2;
  const perPair = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : (ms * 1000) / run.pairs);
  const serverCpuUs = perPair(outcome.serverCpuMs);
  const loaderCpuUs = perPair(outcome.loaderCpuMs) ?? Number.NaN;
  const other =
    outcome.machineBusyMs === undefined || outcome.serverCpuMs === undefined
      ? undefined
      : (outcome.machineBusyMs - outcome.serverCpuMs - outcome.loaderCpuMs) / outcome.wallMs;
  return {
    signInsPerSec: run.pairsPerSec,
    cryptoBefore,
    cryptoAfter,
    cryptoLimit,
    ratio: run.pairsPerSec / cryptoLimit,
    ...defined('cpuRatio', serverCpuUs === undefined ? undefined : cryptoCpuUs / (serverCpuUs + loaderCpuUs)),
    pair: run.pair,
    signIn: run.signIn,
    pairs: run.pairs,
    failures: run.failures,
    ...(run.firstFailure === undefined ? {} : { firstFailure: run.firstFailure }),
    ...defined('serverCpuUs', serverCpuUs),
    ...defined('eventLoopCpuUs', perPair(outcome.serverMainThreadCpuMs)),
    loaderCpuUs,
    cryptoCpuUs,
    ...defined('otherLoadCores', other === undefined ? undefined : Math.max(0, other)),
  };
}

/** `{ [key]: value }`, or `{}` when value is undefined (exactOptionalPropertyTypes-friendly spreading). */
function defined<K extends string>(key: K, value: number | undefined): { [P in K]?: number } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: number };
}

export async function allEndToEnd(crypto: CryptoBench): Promise<Record<BenchAlgorithm, EndToEnd>> {
  const results = {} as Record<BenchAlgorithm, EndToEnd>;
  for (const algorithm of BENCH_ALGORITHMS) results[algorithm] = await endToEnd(algorithm, crypto);
  return results;
}

export interface ChallengeIssuance extends PlainRun {
  readonly serverCpuUs?: number;
}

export async function challengeIssuance(): Promise<ChallengeIssuance> {
  const server = await startAuthServer();
  try {
    const outcome = await runLoad<PlainRun>(
      {
        kind: 'plain',
        url: `http://127.0.0.1:${server.port}/api/v1/auth/challenge`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ address: 'ab'.repeat(32) }),
        connections: CONNECTIONS,
        seconds: PLAIN_SECONDS,
      },
      server.process.pid,
    );
    const run = outcome.result;
    return {
      ...run,
      ...(outcome.serverCpuMs === undefined ? {} : { serverCpuUs: (outcome.serverCpuMs * 1000) / run.requests }),
    };
  } finally {
    await server.stop();
  }
}

export interface GuardOverhead {
  readonly guard: string;
  readonly plain: PlainRun;
  readonly guarded: PlainRun;
  /** guarded / plain throughput. */
  readonly ratio: number;
}

/** Plain and guarded routes, twice each, alternating, so drift hits both alike. */
export async function guardOverhead(): Promise<GuardOverhead> {
  const server = await startServer('dist/bench/guard/guardServer.js', [], /^guard-server port=(\d+)/);
  try {
    const [, guardName = '', token = ''] = /guard=(\S+) token=(\S+)/.exec(server.readyLine) ?? [];
    const run = async (path: string): Promise<PlainRun> =>
      (
        await runLoad<PlainRun>({
          kind: 'plain',
          url: `http://127.0.0.1:${server.port}${path}`,
          method: 'GET',
          headers: { authorization: `Bearer ${token}` },
          connections: CONNECTIONS,
          seconds: PLAIN_SECONDS / 2,
        })
      ).result;
    const runs: Record<'plain' | 'guarded', PlainRun[]> = { plain: [], guarded: [] };
    for (let i = 0; i < 2; i++) {
      runs.plain.push(await run('/plain'));
      runs.guarded.push(await run('/guarded'));
    }
    const plain = mergeRuns(runs.plain);
    const guarded = mergeRuns(runs.guarded);
    return { guard: decodeURIComponent(guardName), plain, guarded, ratio: guarded.reqPerSec / plain.reqPerSec };
  } finally {
    await server.stop();
  }
}

function mergeRuns(runs: readonly PlainRun[]): PlainRun {
  const mean = (pick: (run: PlainRun) => number): number => runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
  return {
    requests: runs.reduce((sum, run) => sum + run.requests, 0),
    reqPerSec: mean((run) => run.reqPerSec),
    p50: mean((run) => run.p50),
    p99: Math.max(...runs.map((run) => run.p99)),
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
  };
}

export interface ChallengeMemory {
  readonly count: number;
  readonly shortAddressBytes: number;
  readonly mlDsaAddressBytes: number;
}

export async function challengeMemory(): Promise<ChallengeMemory> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', 'dist/bench/memory/challengeMemory.js'],
    { cwd: projectRoot },
  );
  return JSON.parse(stdout) as ChallengeMemory;
}
