/**
 * @module test/unit/boot/init
 * `init()`: the caller's modules, then the modules that packages declare in
 * their `picoBoot` manifests (STYLE.md section 9). Broken manifests stop
 * startup with a BootError naming the package and the entry.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { ContainerModule } from 'inversify';
import { InversifyExpressServer, TYPE } from 'inversify-express-utils';
import request from 'supertest';
import { authControllers, BootError, discoveryEnabled, init, serverAuthModule, TYPES } from '../../../src/index.js';
import { RecordingLogger } from '../../support/RecordingLogger.js';

// dist/test/unit/boot -> project root, whose package.json declares serverAuthModule.
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const JWKS = '/api/v1/auth/jwks';

const quietLogger = new ContainerModule((bind) => {
  bind(TYPES.Logger).toConstantValue(new RecordingLogger());
});

/** Writes a throw-away app depending on one plugin package; returns the app dir. */
function fixtureApp(plugin: string, pluginJson: Record<string, unknown>, files: Record<string, string> = {}): string {
  const app = mkdtempSync(join(tmpdir(), 'pico-boot-'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'fixture-app', dependencies: { [plugin]: '1.0.0' } }));
  const dir = join(app, 'node_modules', plugin);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: plugin, version: '1.0.0', type: 'module', ...pluginJson }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return app;
}

async function bootError(promise: Promise<unknown>): Promise<BootError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(BootError);
    return error as BootError;
  }
  throw new Error('expected init() to reject with a BootError');
}

describe('init', () => {
  describe('discovery of the project manifest', () => {
    it('when no module is passed, and discovery is on, serves the auth routes declared in picoBoot', async () => {
      const container = await init({ modules: [quietLogger], config: {}, root: projectRoot, env: {} });

      const res = await request(container.get(TYPES.App)).get(JWKS);

      expect(res.status).to.equal(200);
      expect(res.body.keys).to.be.an('array').that.is.not.empty;
    });

    it('when no module is passed, and PICO_BOOT_AUTO_PLUGINS is false, binds no app and serves no auth route', async () => {
      const container = await init({ modules: [], config: {}, root: projectRoot, env: { PICO_BOOT_AUTO_PLUGINS: 'false' } });

      expect(container.isBound(TYPES.App)).to.equal(false);
      const app = new InversifyExpressServer(container, null, null, null, null, false).build();
      const res = await request(app).get(JWKS);
      expect(res.status).to.equal(404);
    });

    it('when serverAuthModule is passed and also discovered, loads it once', async () => {
      const container = await init({
        modules: [quietLogger, serverAuthModule],
        config: {},
        root: projectRoot,
        env: {},
      });

      expect(() => container.get(TYPES.TokenIssuer)).not.to.throw();
      for (const controller of authControllers) {
        expect(container.getAllNamed(TYPE.Controller, controller.name)).to.have.length(1);
      }
      const res = await request(container.get(TYPES.App)).get(JWKS);
      expect(res.status).to.equal(200);
    });
  });

  describe('broken manifests', () => {
    let app: string | undefined;

    afterEach(() => {
      if (app !== undefined) rmSync(app, { recursive: true, force: true });
      app = undefined;
    });

    it('when the import path does not exist, rejects naming the package, the entry and the path', async () => {
      app = fixtureApp('broken-plugin', { picoBoot: { modules: [{ import: './missing.js', export: 'plugin' }] } });

      const error = await bootError(init({ config: {}, root: app, env: {} }));

      expect(error.message).to.contain('broken-plugin');
      expect(error.message).to.contain('picoBoot.modules[0]');
      expect(error.message).to.contain('./missing.js');
    });

    it('when the export is not a ContainerModule, rejects naming the package and the export', async () => {
      app = fixtureApp(
        'broken-plugin',
        { picoBoot: { modules: [{ import: './index.js', export: 'notAModule' }] } },
        { 'index.js': 'export const notAModule = 42;\n' },
      );

      const error = await bootError(init({ config: {}, root: app, env: {} }));

      expect(error.message).to.contain('broken-plugin');
      expect(error.message).to.contain('notAModule');
    });

    it('when an entry has no export field, rejects naming the package', async () => {
      app = fixtureApp(
        'broken-plugin',
        { picoBoot: { modules: [{ import: './index.js' }] } },
        { 'index.js': 'export const notAModule = 42;\n' },
      );

      const error = await bootError(init({ config: {}, root: app, env: {} }));

      expect(error.message).to.contain('broken-plugin');
      expect(error.message).to.contain('picoBoot.modules[0]');
    });

    it('when the export is a factory of a container module, loads what it returns for the config', async () => {
      const plugin = [
        'export function fixtureModule(config) {',
        "  return { id: 1, registry: (bind) => bind(Symbol.for('fixture/x')).toConstantValue(config.server_auth.audience) };",
        '}',
      ].join('\n');
      app = fixtureApp(
        'fixture-plugin',
        { picoBoot: { modules: [{ import: './index.js', export: 'fixtureModule' }] } },
        { 'index.js': plugin },
      );

      const container = await init({ config: { server_auth: { audience: 'from-factory' } }, root: app, env: {} });

      expect(container.get(Symbol.for('fixture/x'))).to.equal('from-factory');
    });

    it('when discovery is off, ignores even a broken manifest', async () => {
      app = fixtureApp('broken-plugin', { picoBoot: { modules: [{ import: './missing.js', export: 'plugin' }] } });

      const container = await init({ config: {}, root: app, env: { PICO_BOOT_AUTO_PLUGINS: 'false' } });

      expect(container.isBound(TYPES.App)).to.equal(false);
    });
  });
});

describe('discoveryEnabled', () => {
  describe('PICO_BOOT_AUTO_PLUGINS', () => {
    for (const value of ['false', 'FALSE', 'False', '0', 'off', 'OFF', 'no', 'No', ' no ']) {
      it(`when set to ${JSON.stringify(value)}, turns discovery off`, () => {
        expect(discoveryEnabled({ PICO_BOOT_AUTO_PLUGINS: value })).to.equal(false);
      });
    }

    for (const value of ['true', '1', 'yes', 'on', '', 'nope', 'offline']) {
      it(`when set to ${JSON.stringify(value)}, keeps discovery on`, () => {
        expect(discoveryEnabled({ PICO_BOOT_AUTO_PLUGINS: value })).to.equal(true);
      });
    }

    it('when unset, keeps discovery on', () => {
      expect(discoveryEnabled({})).to.equal(true);
    });
  });
});
