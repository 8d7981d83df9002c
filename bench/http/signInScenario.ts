/**
 * @module bench/http/signInScenario
 * Challenge + sign-in as one unit. Challenges are single-use and the client
 * must sign the one it got, but signing ML-DSA-65 in the load generator at
 * run time would make the generator the bottleneck. So, before the timed run,
 * the generator fetches one challenge per planned sign-in and signs it; each
 * timed unit is then, on one connection: POST /challenge (a fresh one for the
 * same wallet, which the server issues and stores for real) followed by
 * POST /sign-in with a pre-signed body. The server does exactly one issuance
 * and one full sign-in per unit; the unit's latency is taken from just before
 * the challenge request is sent to the sign-in response.
 */
import autocannon from 'autocannon';
import type { BenchAlgorithm } from '../benchAlgorithms.js';
import { createWallets, type BenchWallet } from './benchWallets.js';
import { summarize, type LatencySummary } from './latency.js';

const AUTH = '/api/v1/auth';
const JSON_HEADERS = { 'content-type': 'application/json' };
const WALLETS = 1024; // distinct keys, more than any key cache holds
const debug = (message: string): void => {
  if (process.env['PICO_BENCH_DEBUG'] !== undefined) console.error(`loader: ${message}`);
};

export interface SignInRun {
  readonly pairs: number;
  readonly failures: number;
  readonly firstFailure?: string;
  readonly seconds: number;
  readonly pairsPerSec: number;
  readonly pair: LatencySummary;
  readonly signIn: LatencySummary;
}

interface Prepared {
  readonly challengeBodies: string[];
  readonly signInBodies: string[];
}

async function fetchChallenge(base: string, address: string): Promise<string> {
  const response = await fetch(`${base}${AUTH}/challenge`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ address }),
  });
  if (response.status !== 200) throw new Error(`challenge: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { challenge: string }).challenge;
}

/** `count` pre-signed sign-in bodies, each for a challenge the server issued. */
async function prepare(base: string, algorithm: BenchAlgorithm, wallets: readonly BenchWallet[], count: number): Promise<Prepared> {
  const challengeBodies: string[] = new Array(count);
  const signInBodies: string[] = new Array(count);
  let next = 0;
  const fetchOne = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      const wallet = wallets[i % wallets.length]!;
      challengeBodies[i] = JSON.stringify({ address: wallet.address });
      const challenge = await fetchChallenge(base, wallet.address);
      signInBodies[i] = JSON.stringify({
        address: wallet.address,
        public_key: wallet.publicKeyHex,
        signature: wallet.sign(challenge),
        challenge,
        algorithm,
      });
    }
  };
  await Promise.all(Array.from({ length: 16 }, fetchOne));
  return { challengeBodies, signInBodies };
}

async function run(base: string, prepared: Prepared, connections: number): Promise<SignInRun> {
  const count = prepared.signInBodies.length;
  const pairLatencies: number[] = [];
  const signInLatencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  let next = 0;
  const start = performance.now();
  await autocannon({
    url: base,
    connections,
    amount: 2 * count,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: `${AUTH}/challenge`,
        headers: JSON_HEADERS,
        setupRequest: (request, context) => {
          const i = next++ % count; // `amount` makes this exact; the modulo only guards
          context['i'] = i;
          context['t0'] = performance.now();
          return { ...request, body: prepared.challengeBodies[i]! };
        },
      },
      {
        method: 'POST',
        path: `${AUTH}/sign-in`,
        headers: JSON_HEADERS,
        setupRequest: (request, context) => {
          context['t1'] = performance.now();
          return { ...request, body: prepared.signInBodies[context['i'] as number]! };
        },
        onResponse: (status, body, context) => {
          const now = performance.now();
          pairLatencies.push(now - (context['t0'] as number));
          signInLatencies.push(now - (context['t1'] as number));
          if (status !== 200) {
            failures += 1;
            firstFailure ??= `HTTP ${status} ${body.slice(0, 200)}`;
          }
        },
      },
    ],
  });
  const seconds = (performance.now() - start) / 1000;
  return {
    pairs: pairLatencies.length,
    failures,
    ...(firstFailure === undefined ? {} : { firstFailure }),
    seconds,
    pairsPerSec: pairLatencies.length / seconds,
    pair: summarize(pairLatencies),
    signIn: summarize(signInLatencies),
  };
}

export interface SignInScenario {
  readonly port: number;
  readonly algorithm: BenchAlgorithm;
  readonly connections: number;
  readonly seconds: number;
  /** Called after warm-up and preparation, just before the timed run. */
  readonly onMeasuring?: () => void;
}

/** Warm-up run (which also estimates the rate), then a timed run of about `seconds`. */
export async function signInScenario(scenario: SignInScenario): Promise<SignInRun & { warmupPairsPerSec: number }> {
  const base = `http://127.0.0.1:${scenario.port}`;
  const wallets = await createWallets(scenario.algorithm, WALLETS);
  const roundUp = (n: number): number => Math.ceil(n / scenario.connections) * scenario.connections;
  debug(`${scenario.algorithm}: wallets ready; warming up`);
  const warm = await run(base, await prepare(base, scenario.algorithm, wallets, roundUp(800)), scenario.connections);
  const count = roundUp(Math.min(40_000, Math.max(1000, warm.pairsPerSec * scenario.seconds)));
  debug(`warm-up: ${warm.pairsPerSec.toFixed(0)} pairs/s; preparing ${count}`);
  const prepared = await prepare(base, scenario.algorithm, wallets, count);
  debug('prepared; timed run');
  scenario.onMeasuring?.();
  return { ...(await run(base, prepared, scenario.connections)), warmupPairsPerSec: warm.pairsPerSec };
}
