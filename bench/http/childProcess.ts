/**
 * @module bench/http/childProcess
 * Starting the server and the load generator as their own processes, and
 * reading a process's CPU time from /proc (Linux; undefined elsewhere).
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** Project root: dist/bench/http -> three levels up. */
export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface Server {
  readonly process: ChildProcess;
  readonly port: number;
  /** The first stdout line matching the ready pattern. */
  readonly readyLine: string;
  stop(): Promise<void>;
}

/** Kills `child` (SIGTERM, then SIGKILL after 3 s) and waits for it to exit. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Runs `node <script> ...args` and waits for a stdout line matching
 * `ready` (whose first group is the port). Stderr is kept for error messages.
 */
export function startServer(script: string, args: readonly string[], ready: RegExp, env?: NodeJS.ProcessEnv): Promise<Server> {
  // e.g. PICO_BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the servers.
  const nodeArgs = process.env['PICO_BENCH_SERVER_NODE_ARGS']?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('server did not start within 20 s')), 20_000);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${stderr}`));
    };
    child.once('exit', (code) => fail(new Error(`server exited with ${String(code)}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = ready.exec(line);
      if (match === null) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ process: child, port: Number(match[1]), readyLine: line, stop: () => stopChild(child) });
    });
  });
}

/** Forks a load generator script with an IPC channel; its output goes to stderr (stdout may carry `--json`). */
export function forkLoader(script: string): ChildProcess {
  return fork(script, [], { cwd: projectRoot, stdio: ['ignore', 2, 2, 'ipc'] });
}

/**
 * User + system CPU milliseconds of process `pid` and all its threads (or,
 * with `thread`, of that thread only: the main thread's id is the pid), or
 * undefined off Linux.
 */
export function cpuMillis(pid: number | undefined, thread?: number): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the ")" that ends the command name: utime and stime are 14 and 15 (1-based).
    const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/** CPU milliseconds the whole machine spent busy (all processes, all cores), or undefined off Linux. */
export function machineBusyMillis(): number | undefined {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const values = ticks.map(Number);
    // user nice system idle iowait irq softirq steal ...: all but idle and iowait are busy.
    const busy = values.reduce((sum, value, i) => (i === 3 || i === 4 || i > 7 ? sum : sum + value), 0);
    return (busy * 1000) / 100;
  } catch {
    return undefined;
  }
}
