/**
 * @module bench/http/authServer
 * The real standalone server (`node dist/src/cli/main.js serve`) on port 0,
 * with a temporary config: long-lived challenges and a high pending bound,
 * since the bench pre-fetches challenges before its timed runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchSwitches } from '../benchSwitches.js';
import { startServer, type Server } from './childProcess.js';

/**
 * Rate limits are off by default (one client would hit them at once).
 * `PICO_BENCH_RATE_LIMITS=on` keeps them on with limits no run reaches, so
 * the limiter's per-request cost shows against a run without it.
 */
export const BENCH_RATE_LIMITS = process.env['PICO_BENCH_RATE_LIMITS'] === 'on';

const LIMITS = BENCH_RATE_LIMITS
  ? `  rate_limits:
    challenge: { per_ip: { points: 1000000, window_seconds: 60 }, per_account: { points: 1000000, window_seconds: 60 } }
    sign_in: { per_ip: { points: 1000000, window_seconds: 60 }, per_account: { points: 1000000, window_seconds: 60 } }
`
  : `  rate_limits: { enabled: false }
`;

const CONFIG = `server_auth:
  issuer: http://127.0.0.1
  audience: pico-bench
  challenge_ttl_seconds: 3600
  challenge_max_pending: 10000000
  wallet_verify_path: ${benchSwitches.walletVerifyPath}
  ml_dsa_engine: ${benchSwitches.mlDsaEngine}
${LIMITS}server:
  host: 127.0.0.1
  port: 0
`;

export async function startAuthServer(): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'pico-bench-'));
  const config = join(dir, 'server-auth.yaml');
  writeFileSync(config, CONFIG);
  try {
    const server = await startServer('dist/src/cli/main.js', ['serve', '--config', config], /listening on http:\/\/[^:]+:(\d+)/);
    return { ...server, stop: () => server.stop().finally(() => rmSync(dir, { recursive: true, force: true })) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
