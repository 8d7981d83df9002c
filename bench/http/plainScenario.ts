/**
 * @module bench/http/plainScenario
 * One request shape repeated for a fixed time (challenge issuance, the guard
 * routes): throughput and latency as autocannon measures them.
 */
import autocannon from 'autocannon';

export interface PlainScenario {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly connections: number;
  readonly seconds: number;
}

export interface PlainRun {
  readonly requests: number;
  readonly reqPerSec: number;
  readonly p50: number;
  readonly p99: number;
  /** Non-2xx responses plus connection errors and timeouts: must be 0. */
  readonly failures: number;
}

export async function plainScenario(scenario: PlainScenario): Promise<PlainRun> {
  const result = await autocannon({
    url: scenario.url,
    method: scenario.method,
    headers: scenario.headers ?? {},
    ...(scenario.body === undefined ? {} : { body: scenario.body }),
    connections: scenario.connections,
    duration: scenario.seconds,
  });
  return {
    requests: result.requests.total,
    reqPerSec: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
