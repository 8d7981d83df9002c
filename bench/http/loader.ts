/**
 * @module bench/http/loader
 * The load-generating process (forked with IPC, so it never shares the
 * server's event loop or the orchestrator's). It receives one job, answers
 * `{ measuring: true }` when the timed part starts (so the orchestrator can
 * read the server's CPU time), then `{ result, loaderCpuMs }`, and exits.
 * It says `{ ready: true }` first, once it listens for the job.
 */
import { plainScenario, type PlainScenario } from './plainScenario.js';
import { signInScenario, type SignInScenario } from './signInScenario.js';

export type LoaderJob =
  | ({ readonly kind: 'signIn' } & Omit<SignInScenario, 'onMeasuring'>)
  | ({ readonly kind: 'plain' } & PlainScenario);

export interface LoaderMessage {
  /** Sent once the job listener is attached: a job sent earlier could be lost. */
  readonly ready?: true;
  readonly measuring?: true;
  readonly result?: unknown;
  /** Loader CPU (user + system) during the timed part, in ms. */
  readonly loaderCpuMs?: number;
  readonly error?: string;
}

const send = (message: LoaderMessage): void => void process.send?.(message);

process.once('message', (job: LoaderJob) => {
  let cpuStart = process.cpuUsage();
  const measuring = (): void => {
    cpuStart = process.cpuUsage();
    send({ measuring: true });
  };
  const work =
    job.kind === 'signIn'
      ? signInScenario({ ...job, onMeasuring: measuring })
      : (measuring(), plainScenario(job));
  work.then(
    (result) => {
      const cpu = process.cpuUsage(cpuStart);
      send({ result, loaderCpuMs: (cpu.user + cpu.system) / 1000 });
      process.disconnect?.();
    },
    (error: unknown) => {
      send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.disconnect?.();
    },
  );
});
send({ ready: true });
