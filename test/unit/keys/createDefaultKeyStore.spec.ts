/**
 * @module test/unit/keys/createDefaultKeyStore
 * The KeyStore `serverAuthModule` binds by default: the file store when
 * `key_directory` is set (no warning), memory with a loud warning otherwise;
 * a user's own binding still wins.
 */
import { expect } from 'chai';
import { ContainerModule } from 'inversify';
import { init } from '../../../src/boot/init.js';
import { TYPES } from '../../../src/identifiers.js';
import { serverAuthModule } from '../../../src/module.js';
import { FileKeyStore } from '../../../src/stores/file/FileKeyStore.js';
import type { KeyStore } from '../../../src/stores/KeyStore.js';
import { MemoryKeyStore } from '../../../src/stores/memory/MemoryKeyStore.js';
import { removeKeyDirectory, tempKeyDirectory } from '../../support/keyStores.js';
import { RecordingLogger } from '../../support/RecordingLogger.js';

async function resolveKeyStore(serverAuth: Record<string, unknown>, own?: KeyStore): Promise<{ store: KeyStore; logger: RecordingLogger }> {
  const logger = new RecordingLogger();
  const doubles = new ContainerModule((bind) => {
    bind(TYPES.Logger).toConstantValue(logger);
    if (own !== undefined) bind(TYPES.KeyStore).toConstantValue(own);
  });
  const container = await init({ modules: [doubles, serverAuthModule], config: { server_auth: serverAuth }, env: { PICO_BOOT_AUTO_PLUGINS: 'false' } });
  return { store: container.get(TYPES.KeyStore), logger };
}

describe('default KeyStore binding', () => {
  it('when key_directory is set, binds a FileKeyStore on that directory and does not warn', async () => {
    const directory = tempKeyDirectory();
    try {
      const { store, logger } = await resolveKeyStore({ key_directory: directory });
      expect(store).to.be.instanceOf(FileKeyStore);
      expect((store as FileKeyStore).directory).to.equal(directory);
      expect(logger.lines.filter((line) => line.level === 'warn')).to.deep.equal([]);
    } finally {
      removeKeyDirectory(directory);
    }
  });

  it('when key_directory is empty, binds a MemoryKeyStore and warns that tokens die on restart', async () => {
    const { store, logger } = await resolveKeyStore({});
    expect(store).to.be.instanceOf(MemoryKeyStore);
    expect(logger.lines.filter((line) => line.level === 'warn').map((line) => line.message)).to.deep.equal([
      'signing key generated in memory: tokens stop validating when this process restarts (set server_auth.key_directory to keep keys)',
    ]);
  });

  it('when the user bound a KeyStore, keeps theirs', async () => {
    const own = new MemoryKeyStore('EdDSA');
    expect((await resolveKeyStore({ key_directory: '/nonexistent/never-created' }, own)).store).to.equal(own);
  });
});
