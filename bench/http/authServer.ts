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

const CONFIG = `server_auth:
  issuer: http://127.0.0.1
  audience: pico-bench
  challenge_ttl_seconds: 3600
  challenge_max_pending: 10000000
  wallet_verify_path: ${benchSwitches.walletVerifyPath}
  ml_dsa_engine: ${benchSwitches.mlDsaEngine}
server:
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
