/**
 * @module bench/main
 * `npm run bench [-- --json]`:
 * measures the crypto limit, end-to-end sign-in over loopback, challenge
 * issuance, guard overhead and challenge memory; prints a table (or, with
 * `--json`, the JSON document) and writes the JSON to bench/results.json.
 * Run from the compiled tree: `node dist/bench/main.js`.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { benchSwitches } from './benchSwitches.js';
import { CryptoBench } from './crypto/cryptoLimit.js';
import { loadMlDsa65Engine } from '../src/crypto/mlDsa65Engines.js';
import { BENCH_RATE_LIMITS } from './http/authServer.js';
import { projectRoot } from './http/childProcess.js';
import { checkTargets, formatTable, type Results } from './report.js';
import { allEndToEnd, challengeIssuance, challengeMemory, CONNECTIONS, guardOverhead } from './sections.js';

const json = process.argv.includes('--json');
const log = (message: string): void => void (json ? process.stderr : process.stdout).write(`${message}\n`);

async function main(): Promise<void> {
  const started = performance.now();
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    log(`bench: ${name}...`);
    const value = await work();
    log(`bench: ${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return value;
  };

  log(
    BENCH_RATE_LIMITS
      ? 'bench: rate limits on (PICO_BENCH_RATE_LIMITS=on), with limits no run reaches'
      : 'bench: rate limits off (server_auth.rate_limits.enabled: false); PICO_BENCH_RATE_LIMITS=on measures them',
  );
  const crypto = await CryptoBench.start(benchSwitches.mlDsaEngine);
  const cryptoLimit = await step('crypto limit (a worker per core)', () => crypto.limit());
  const endToEnd = await step('end-to-end sign-in per algorithm', () => allEndToEnd(crypto));
  await crypto.close();
  const memory = await step('memory of 100k pending challenges', challengeMemory);
  const guard = await step('guard overhead', guardOverhead);
  const issuance = await step('challenge issuance', challengeIssuance);

  const partial = {
    machine: {
      cores: availableParallelism(),
      cpu: cpus()[0]?.model.trim() ?? 'unknown',
      node: process.versions.node,
      openssl: process.versions.openssl,
    },
    date: new Date().toISOString(),
    connections: CONNECTIONS,
    // What the server's verify workers load, by the same rule and setting.
    serverMlDsaEngine: (await loadMlDsa65Engine(benchSwitches.mlDsaEngine)).name,
    cryptoLimit,
    endToEnd,
    challenge: { ...issuance, ratioToPlainRoute: issuance.reqPerSec / guard.plain.reqPerSec },
    guard,
    memory,
  };
  const results: Results = {
    ...partial,
    targets: checkTargets(partial),
    seconds: (performance.now() - started) / 1000,
  };
  const document = JSON.stringify(results, null, 2);
  writeFileSync(join(projectRoot, 'bench', 'results.json'), `${document}\n`);
  if (json) process.stdout.write(`${document}\n`);
  else log(`\n${formatTable(results)}\n\nWritten to bench/results.json`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
