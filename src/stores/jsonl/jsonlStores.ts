/**
 * @module stores/jsonl/jsonlStores
 * The JSON Lines driver: revocations, the mint audit and refresh rotation in
 * append-only files, each chosen by its own path setting
 * (`revocation_store_path`, `mint_audit_path`, `token_family_store_path`).
 * A file is opened when its store is first resolved (`init()` does that at
 * startup, so an unwritable path stops it); `close` closes the files this
 * driver opened in the container, after their pending appends.
 */
import type { interfaces } from 'inversify';
import { TYPES } from '../../identifiers.js';
import type { DefaultStoresModule, StoreConfig, StoreKind } from '../StoresModule.js';
import { JsonlMintAuditStore } from './JsonlMintAuditStore.js';
import { JsonlRevocationStore } from './JsonlRevocationStore.js';
import { JsonlTokenFamilyStore } from './JsonlTokenFamilyStore.js';

interface Closable {
  close(): Promise<void>;
}

/** Stores this driver built, by the container they were built for. */
const opened = new WeakMap<interfaces.Container, Closable[]>();

function tracked<T extends Closable>(container: interfaces.Container, store: T): T {
  const stores = opened.get(container) ?? [];
  stores.push(store);
  opened.set(container, stores);
  return store;
}

const PATHS = [
  ['RevocationStore', 'revocation_store_path'],
  ['MintAuditStore', 'mint_audit_path'],
  ['TokenFamilyStore', 'token_family_store_path'],
] as const;

export const jsonlStores: DefaultStoresModule = Object.freeze({
  name: 'jsonl',
  binds: 'default',
  provides: (config: StoreConfig): readonly StoreKind[] =>
    PATHS.filter(([, setting]) => config.server_auth[setting] !== '').map(([kind]) => kind),
  create: Object.freeze({
    RevocationStore: (container: interfaces.Container) => {
      const settings = container.get(TYPES.ServerAuthSettings);
      return tracked(container, new JsonlRevocationStore(settings.revocation_store_path, container.get(TYPES.Logger)));
    },
    MintAuditStore: (container: interfaces.Container) => {
      const settings = container.get(TYPES.ServerAuthSettings);
      return tracked(container, new JsonlMintAuditStore(
        settings.mint_audit_path, settings.mint_audit_max_in_memory, container.get(TYPES.Logger),
      ));
    },
    TokenFamilyStore: (container: interfaces.Container) => {
      const settings = container.get(TYPES.ServerAuthSettings);
      return tracked(container, new JsonlTokenFamilyStore(
        settings.token_family_store_path, container.get(TYPES.Clock), container.get(TYPES.Logger),
      ));
    },
  }),
  connect: async () => undefined,
  close: async (container: interfaces.Container) => {
    const stores = opened.get(container) ?? [];
    opened.delete(container);
    await Promise.all(stores.map((store) => store.close()));
  },
});
