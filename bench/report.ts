/**
 * @module bench/report
 * The results document, its target checks, and the Markdown tables printed
 * (and pasted into the README's Performance section).
 */
import { BENCH_ALGORITHMS, type BenchAlgorithm } from './benchAlgorithms.js';
import type { AlgorithmLimit, CryptoLimit } from './crypto/cryptoLimit.js';
import type { ChallengeIssuance, ChallengeMemory, EndToEnd, GuardOverhead } from './sections.js';

export interface Results {
  readonly machine: { readonly cores: number; readonly cpu: string; readonly node: string; readonly openssl: string };
  readonly date: string;
  readonly connections: number;
  /** The ML-DSA-65 engine the server's verify workers ran. */
  readonly serverMlDsaEngine: string;
  readonly cryptoLimit: CryptoLimit;
  readonly endToEnd: Record<BenchAlgorithm, EndToEnd>;
  readonly challenge: ChallengeIssuance & { readonly ratioToPlainRoute: number };
  readonly guard: GuardOverhead;
  readonly memory: ChallengeMemory;
  readonly targets: Record<string, boolean>;
  readonly seconds: number;
}

const TARGETS = { endToEndRatio: 0.8, guardRatio: 0.85, p99OverP50: 5, memoryBytes: 40e6 } as const;

export function checkTargets(results: Omit<Results, 'targets' | 'seconds'>): Record<string, boolean> {
  const targets: Record<string, boolean> = {};
  for (const algorithm of BENCH_ALGORITHMS) {
    const run = results.endToEnd[algorithm];
    targets[`${algorithm}: end-to-end >= ${TARGETS.endToEndRatio} x crypto limit`] = run.ratio >= TARGETS.endToEndRatio;
    targets[`${algorithm}: p99 <= ${TARGETS.p99OverP50} x p50 (unit and sign-in request)`] =
      run.pair.p99 <= TARGETS.p99OverP50 * run.pair.p50 && run.signIn.p99 <= TARGETS.p99OverP50 * run.signIn.p50;
  }
  targets[`guard >= ${TARGETS.guardRatio} x unguarded`] = results.guard.ratio >= TARGETS.guardRatio;
  targets['100k pending challenges < 40 MB'] =
    Math.max(results.memory.shortAddressBytes, results.memory.mlDsaAddressBytes) < TARGETS.memoryBytes;
  return targets;
}

const n = (value: number | undefined, digits = 0): string =>
  value === undefined || Number.isNaN(value)
    ? 'n/a'
    : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (value: number): string => n(value, value < 10 ? 2 : 1);

function cryptoRows(limit: CryptoLimit): string[] {
  const row = (name: string, implementation: string, l: AlgorithmLimit): string =>
    `| ${name} | ${n(l.verify.perSec)} (${implementation}) | ${n(l.verify.cpuUs)} | ${n(l.signIn.perSec)} | ${n(l.signInPerSecFormula)} | ${n(l.signIn.cpuUs)} |`;
  return [
    '| wallet | verify/s (implementation) | verify CPU µs | crypto limit, sign-ins/s | by formula | sign-in crypto CPU µs |',
    '|---|---|---|---|---|---|',
    ...BENCH_ALGORITHMS.map((algorithm) => row(algorithm, limit.implementations[algorithm] ?? '', limit.perAlgorithm[algorithm])),
    row('ML-DSA-65', 'pure-JS @noble, for comparison', limit.mlDsa65Noble),
  ];
}

function endToEndRows(results: Results): string[] {
  return [
    '| wallet | sign-ins/s | crypto limit (before / after) | ratio | CPU ratio | unit p50 / p99 ms | sign-in p50 / p99 ms | CPU µs per sign-in: server (event loop) / load generator / crypto | other tenants |',
    '|---|---|---|---|---|---|---|---|---|',
    ...BENCH_ALGORITHMS.map((algorithm) => {
      const e = results.endToEnd[algorithm];
      return (
        `| ${algorithm} | ${n(e.signInsPerSec)}${e.failures > 0 ? ` (${e.failures} failed)` : ''} | ` +
        `${n(e.cryptoLimit)} (${n(e.cryptoBefore.perSec)} / ${n(e.cryptoAfter.perSec)}) | ${n(e.ratio, 2)} | ${n(e.cpuRatio, 2)} | ` +
        `${ms(e.pair.p50)} / ${ms(e.pair.p99)} | ${ms(e.signIn.p50)} / ${ms(e.signIn.p99)} | ` +
        `${n(e.serverCpuUs)} (${n(e.eventLoopCpuUs)}) / ${n(e.loaderCpuUs)} / ${n(e.cryptoCpuUs)} | ${n(e.otherLoadCores, 2)} cores |`
      );
    }),
  ];
}

function otherRows(results: Results): string[] {
  const { guard, challenge, memory } = results;
  return [
    '| measure | value | baseline, same run | ratio |',
    '|---|---|---|---|',
    `| guarded route (${guard.guard}), req/s | ${n(guard.guarded.reqPerSec)} | same route unguarded: ${n(guard.plain.reqPerSec)} | ${n(guard.ratio, 2)} |`,
    `| challenge issuance, req/s | ${n(challenge.reqPerSec)} (p50 ${n(challenge.p50)} ms, p99 ${n(challenge.p99)} ms; server ${n(challenge.serverCpuUs)} µs CPU each) | trivial Express route: ${n(guard.plain.reqPerSec)} | ${n(challenge.ratioToPlainRoute, 2)} |`,
    `| heap held by 100k pending challenges | ${n(memory.shortAddressBytes / 1e6, 1)} MB (32-byte addresses), ${n(memory.mlDsaAddressBytes / 1e6, 1)} MB (3904-hex addresses) | target: 40 MB | ${n(Math.max(memory.shortAddressBytes, memory.mlDsaAddressBytes) / TARGETS.memoryBytes, 2)} |`,
  ];
}

export function formatTable(results: Results): string {
  const { cryptoLimit: limit, machine } = results;
  return [
    `${machine.cores} cores (${machine.cpu}), Node ${machine.node}, OpenSSL ${machine.openssl}; ${results.connections} connections; ` +
      `server ML-DSA-65 engine: ${results.serverMlDsaEngine}; ${results.date}; the bench took ${n(results.seconds)} s.`,
    '',
    `Crypto limit: a worker thread per core, all timing one op at once. RS256 sign (${limit.implementations['rs256']}): ` +
      `${n(limit.rs256Sign.perSec)}/s, ${n(limit.rs256Sign.cpuUs)} µs CPU. Sign-in = verify (from raw key bytes) + 2 x RS256 sign, measured as one op.`,
    '',
    ...cryptoRows(limit),
    '',
    'End-to-end: challenge + sign-in over loopback, server and load generator in separate processes.',
    '',
    ...endToEndRows(results),
    '',
    ...otherRows(results),
    '',
    'Targets:',
    ...Object.entries(results.targets).map(([name, met]) => `- [${met ? 'x' : ' '}] ${name}`),
  ].join('\n');
}
