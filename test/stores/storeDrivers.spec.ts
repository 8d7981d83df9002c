/**
 * @module test/stores/storeDrivers
 * Which driver keeps each store, chosen from config through the registry
 * (`src/stores/storeDrivers.ts`): the file key store when `key_directory` is
 * set, JSON Lines for each `*_path` set, memory otherwise, each memory store
 * that matters announced with one warning; a user's own binding still wins,
 * and `closeStores` closes what the drivers opened and nothing else.
 */
import { expect } from 'chai';
import { ContainerModule, type interfaces } from 'inversify';
import { init } from '../../src/boot/init.js';
import { TYPES } from '../../src/identifiers.js';
import { serverAuthModule } from '../../src/module.js';
import { defaultDriverFor } from '../../src/stores/bindDefaultStores.js';
import { closeStores } from '../../src/stores/connectStores.js';
import { FileKeyStore } from '../../src/stores/file/FileKeyStore.js';
import { JsonlMintAuditStore } from '../../src/stores/jsonl/JsonlMintAuditStore.js';
import { JsonlRevocationStore } from '../../src/stores/jsonl/JsonlRevocationStore.js';
import { JsonlTokenFamilyStore } from '../../src/stores/jsonl/JsonlTokenFamilyStore.js';
import type { KeyStore } from '../../src/stores/KeyStore.js';
import { MemoryChallengeStore } from '../../src/stores/memory/MemoryChallengeStore.js';
import { MemoryKeyStore } from '../../src/stores/memory/MemoryKeyStore.js';
import { MemoryMintAuditStore } from '../../src/stores/memory/MemoryMintAuditStore.js';
import { MemoryRevocationStore } from '../../src/stores/memory/MemoryRevocationStore.js';
import { MEMORY_STORE_WARNINGS } from '../../src/stores/memory/memoryStores.js';
import { MemoryTokenFamilyStore } from '../../src/stores/memory/MemoryTokenFamilyStore.js';
import type { RevocationStore } from '../../src/stores/RevocationStore.js';
import { storeDrivers } from '../../src/stores/storeDrivers.js';
import { defaultConfig } from '../../src/config/loadConfig.js';
import { removeKeyDirectory, tempKeyDirectory } from '../support/keyStores.js';
import { RecordingLogger } from '../support/RecordingLogger.js';
import { StoreDir } from '../support/storeFiles.js';

const NO_DISCOVERY = { PICO_BOOT_AUTO_PLUGINS: 'false' };
const KEY_WARNING = MEMORY_STORE_WARNINGS.KeyStore!;

async function boot(
  serverAuth: Record<string, unknown>,
  own: (bind: interfaces.Bind) => void = () => undefined,
): Promise<{ container: interfaces.Container; logger: RecordingLogger }> {
  const logger = new RecordingLogger();
  const doubles = new ContainerModule((bind) => {
    bind(TYPES.Logger).toConstantValue(logger);
    own(bind);
  });
  const container = await init({ modules: [doubles, serverAuthModule], config: { server_auth: serverAuth }, env: NO_DISCOVERY });
  return { container, logger };
}

async function resolveKeyStore(serverAuth: Record<string, unknown>, own?: KeyStore): Promise<{ store: KeyStore; logger: RecordingLogger }> {
  const { container, logger } = await boot(serverAuth, (bind) => {
    if (own !== undefined) bind(TYPES.KeyStore).toConstantValue(own);
  });
  return { store: container.get(TYPES.KeyStore), logger };
}

const warnings = (logger: RecordingLogger): string[] =>
  logger.lines.filter((line) => line.level === 'warn').map((line) => line.message);

describe('store drivers', () => {
  describe('the registry', () => {
    it('names each driver once, and ends with the memory driver, which provides every store', () => {
      const names = storeDrivers.map((driver) => driver.name);

      expect(new Set(names).size).to.equal(names.length);
      expect(names.at(-1)).to.equal('memory');
      expect(storeDrivers.at(-1)!.provides(defaultConfig())).to.have.members([
        'ChallengeStore', 'KeyStore', 'RevocationStore', 'MintAuditStore', 'TokenFamilyStore',
      ]);
    });

    it('when a path or directory is set, its driver comes before memory; a redis: section never picks a default', () => {
      const base = defaultConfig();
      const config = {
        server_auth: { ...base.server_auth, key_directory: '/k', mint_audit_path: '/m.jsonl' },
        redis: { ...base.redis, url: 'redis://127.0.0.1:1' },
      };

      expect(defaultDriverFor('KeyStore', config).name).to.equal('file');
      expect(defaultDriverFor('MintAuditStore', config).name).to.equal('jsonl');
      expect(defaultDriverFor('RevocationStore', config).name).to.equal('memory');
      expect(defaultDriverFor('ChallengeStore', config).name).to.equal('memory');
    });
  });

  describe('default KeyStore binding', () => {
    it('when key_directory is set, binds a FileKeyStore on that directory and does not warn about keys', async () => {
      const directory = tempKeyDirectory();
      try {
        const { store, logger } = await resolveKeyStore({ key_directory: directory });
        expect(store).to.be.instanceOf(FileKeyStore);
        expect((store as FileKeyStore).directory).to.equal(directory);
        expect(warnings(logger).filter((message) => message === KEY_WARNING)).to.deep.equal([]);
      } finally {
        removeKeyDirectory(directory);
      }
    });

    it('when key_directory is empty, binds a MemoryKeyStore and warns that tokens die on restart', async () => {
      const { store, logger } = await resolveKeyStore({});
      expect(store).to.be.instanceOf(MemoryKeyStore);
      expect(warnings(logger).filter((message) => /signing key/.test(message))).to.deep.equal([
        'signing key generated in memory: tokens stop validating when this process restarts (set server_auth.key_directory to keep keys)',
      ]);
    });

    it('when the user bound a KeyStore, keeps theirs', async () => {
      const own = new MemoryKeyStore('EdDSA');
      expect((await resolveKeyStore({ key_directory: '/nonexistent/never-created' }, own)).store).to.equal(own);
    });
  });

  describe('token lifecycle stores', () => {
    it('when no path is set, they are memory stores, and those that matter warn once each at start', async () => {
      const { container, logger } = await boot({});

      expect(container.get(TYPES.ChallengeStore)).to.be.instanceOf(MemoryChallengeStore);
      expect(container.get(TYPES.RevocationStore)).to.be.instanceOf(MemoryRevocationStore);
      expect(container.get(TYPES.MintAuditStore)).to.be.instanceOf(MemoryMintAuditStore);
      expect(container.get(TYPES.TokenFamilyStore)).to.be.instanceOf(MemoryTokenFamilyStore);
      container.get(TYPES.RevocationStore);
      expect(warnings(logger)).to.deep.equal([
        MEMORY_STORE_WARNINGS.ChallengeStore, MEMORY_STORE_WARNINGS.RevocationStore, MEMORY_STORE_WARNINGS.TokenFamilyStore,
      ]);
    });

    it('when every path is set, they are JSON Lines stores on those files, and only the challenges warn', async () => {
      const dir = new StoreDir();
      try {
        const { container, logger } = await boot({
          revocation_store_path: dir.file('r.jsonl'),
          mint_audit_path: dir.file('m.jsonl'),
          token_family_store_path: dir.file('f.jsonl'),
        });

        expect(container.get(TYPES.RevocationStore)).to.be.instanceOf(JsonlRevocationStore);
        expect(container.get(TYPES.MintAuditStore)).to.be.instanceOf(JsonlMintAuditStore);
        expect(container.get(TYPES.TokenFamilyStore)).to.be.instanceOf(JsonlTokenFamilyStore);
        expect(warnings(logger)).to.deep.equal([MEMORY_STORE_WARNINGS.ChallengeStore]);
        await closeStores(container);
      } finally {
        dir.remove();
      }
    });

    it('when the user bound a store, nothing warns about it', async () => {
      const { logger } = await boot({}, (bind) => void bind(TYPES.RevocationStore).toConstantValue(new MemoryRevocationStore()));

      expect(warnings(logger)).not.to.include(MEMORY_STORE_WARNINGS.RevocationStore);
    });
  });

  describe('closeStores()', () => {
    it('closes the files the JSON Lines driver opened, and leaves a store the user bound alone', async () => {
      const dir = new StoreDir();
      let closed = 0;
      const own = Object.assign(new MemoryRevocationStore(), { close: async () => void (closed += 1) });
      try {
        const { container } = await boot({ token_family_store_path: dir.file('f.jsonl') }, (bind) => {
          bind(TYPES.RevocationStore).toConstantValue(own satisfies RevocationStore);
        });
        const families = container.get(TYPES.TokenFamilyStore);
        expect(await families.useRefresh('r1', 4_000_000_000)).to.equal(true);

        await closeStores(container);

        let error: unknown;
        await families.useRefresh('r2', 4_000_000_000).catch((e: unknown) => (error = e));
        expect(error, 'a store whose file is closed').to.be.instanceOf(Error);
        expect(closed).to.equal(0);
      } finally {
        dir.remove();
      }
    });
  });
});
