/**
 * @module test/support/testApp
 * Builds the standalone app from a container for supertest: a shared default
 * config, a per-feature overlay, a fake clock and a recording logger.
 * Discovery is off so each test decides exactly what is loaded.
 */
import type { Application } from 'express';
import { ContainerModule, type Container, type interfaces } from 'inversify';
import { init } from '../../src/boot/init.js';
import { TYPES } from '../../src/identifiers.js';
import { serverAuthModule } from '../../src/module.js';
import { FakeClock } from './FakeClock.js';
import { RecordingLogger } from './RecordingLogger.js';

export const AUTH = '/api/v1/auth';

/** The shared default every feature overlays. */
export const baseConfig = {
  server_auth: {
    issuer: 'http://issuer.test',
    audience: 'pico-test',
  },
} as const;

export interface TestApp {
  readonly app: Application;
  readonly container: Container;
  readonly clock: FakeClock;
  readonly logger: RecordingLogger;
}

export interface TestAppOptions {
  /** Keys merged into `server_auth` over `baseConfig`. */
  readonly serverAuth?: Record<string, unknown>;
  /** Extra modules loaded before `serverAuthModule` (their bindings win). */
  readonly modules?: readonly interfaces.ContainerModule[];
}

export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const clock = new FakeClock(Date.now());
  const logger = new RecordingLogger();
  const testDoubles = new ContainerModule((bind) => {
    bind(TYPES.Clock).toConstantValue(clock);
    bind(TYPES.Logger).toConstantValue(logger);
  });
  const container = await init({
    modules: [testDoubles, ...(options.modules ?? []), serverAuthModule],
    config: { ...baseConfig, server_auth: { ...baseConfig.server_auth, ...options.serverAuth } },
    env: { PICO_BOOT_AUTO_PLUGINS: 'false' },
  });
  return { app: container.get(TYPES.App), container, clock, logger };
}
