/**
 * @module bench/http/runLoad
 * Runs one job in a fresh load-generator process and measures, over its timed
 * part only, the wall time and the CPU time of the loader and of the server.
 */
import { cpuMillis, forkLoader, machineBusyMillis, stopChild } from './childProcess.js';
import type { LoaderJob, LoaderMessage } from './loader.js';

export interface LoadOutcome<T> {
  readonly result: T;
  readonly wallMs: number;
  readonly loaderCpuMs: number;
  /** Server CPU over the timed part (all its threads), when /proc is readable. */
  readonly serverCpuMs?: number;
  /** The server's main thread (event loop) alone. */
  readonly serverMainThreadCpuMs?: number;
  /** CPU the whole machine spent busy: what is not server or loader is someone else's load. */
  readonly machineBusyMs?: number;
}

interface CpuReading {
  readonly server?: number;
  readonly mainThread?: number;
  readonly machine?: number;
}

const readCpu = (pid: number | undefined): CpuReading => {
  const server = cpuMillis(pid);
  const mainThread = cpuMillis(pid, pid);
  const machine = machineBusyMillis();
  return {
    ...(server === undefined ? {} : { server }),
    ...(mainThread === undefined ? {} : { mainThread }),
    ...(machine === undefined ? {} : { machine }),
  };
};

function delta(end: number | undefined, start: number | undefined): number | undefined {
  return end === undefined || start === undefined ? undefined : end - start;
}

export function runLoad<T>(job: LoaderJob, serverPid?: number): Promise<LoadOutcome<T>> {
  const loader = forkLoader(new URL('./loader.js', import.meta.url).pathname);
  let startWall = performance.now();
  let startCpu: CpuReading = {};
  return new Promise<LoadOutcome<T>>((resolve, reject) => {
    loader.on('message', (message: LoaderMessage) => {
      if (message.ready === true) {
        loader.send(job);
        return;
      }
      if (message.measuring === true) {
        startWall = performance.now();
        startCpu = readCpu(serverPid);
        return;
      }
      if (message.error !== undefined) {
        reject(new Error(`load generator failed: ${message.error}`));
        return;
      }
      const endCpu = readCpu(serverPid);
      const serverCpuMs = serverPid === undefined ? undefined : delta(endCpu.server, startCpu.server);
      const serverMainThreadCpuMs = serverPid === undefined ? undefined : delta(endCpu.mainThread, startCpu.mainThread);
      const machineBusyMs = delta(endCpu.machine, startCpu.machine);
      resolve({
        result: message.result as T,
        wallMs: performance.now() - startWall,
        loaderCpuMs: message.loaderCpuMs ?? Number.NaN,
        ...(serverCpuMs === undefined ? {} : { serverCpuMs }),
        ...(serverMainThreadCpuMs === undefined ? {} : { serverMainThreadCpuMs }),
        ...(machineBusyMs === undefined ? {} : { machineBusyMs }),
      });
    });
    loader.once('exit', (code) => reject(new Error(`load generator exited with ${String(code)}`)));
  }).finally(() => stopChild(loader));
}
