/**
 * @module stores/file/fileStores
 * The file driver: signing keys in `server_auth.key_directory`, shared by
 * every instance and the `keys` CLI through the directory. It holds no open
 * file between reads, so there is nothing to connect or close.
 */
import type { interfaces } from 'inversify';
import { TYPES } from '../../identifiers.js';
import { keyPolicy } from '../../keys/keyPolicy.js';
import type { DefaultStoresModule, StoreConfig, StoreKind } from '../StoresModule.js';
import { FileKeyStore } from './FileKeyStore.js';

export const fileStores: DefaultStoresModule = Object.freeze({
  name: 'file',
  binds: 'default',
  provides: (config: StoreConfig): readonly StoreKind[] => (config.server_auth.key_directory === '' ? [] : ['KeyStore']),
  create: Object.freeze({
    KeyStore: (container: interfaces.Container) => {
      const settings = container.get(TYPES.ServerAuthSettings);
      return new FileKeyStore({
        directory: settings.key_directory,
        policy: keyPolicy(settings),
        clock: container.get(TYPES.Clock),
        logger: container.get(TYPES.Logger),
      });
    },
  }),
  connect: async () => undefined,
  close: async () => undefined,
});
