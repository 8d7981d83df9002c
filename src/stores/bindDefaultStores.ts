/**
 * @module stores/bindDefaultStores
 * What `serverAuthModule` binds for the stores: each store nobody bound yet
 * goes to the first default driver of the registry that provides it under the
 * container's config, chosen when the store is first resolved (so settings a
 * host binds or rebinds after loading still count).
 */
import type { interfaces } from 'inversify';
import { TYPES } from '../identifiers.js';
import { storeConfigOf } from './storeConfigOf.js';
import { storeDrivers } from './storeDrivers.js';
import {
  STORE_KINDS, type DefaultStoresModule, type StoreConfig, type StoreKind, type StoreTypes,
} from './StoresModule.js';

/** `bind` when nothing is bound to `id` yet, else undefined (the user's binding wins). */
export type BindDefault = <T>(id: interfaces.ServiceIdentifier<T>) => interfaces.BindingToSyntax<T> | undefined;

export function bindDefaultStores(bindDefault: BindDefault): void {
  for (const kind of STORE_KINDS) bindDefaultStore(kind, bindDefault);
}

/** The default driver that keeps `kind` under `config` (the memory driver keeps everything). */
export function defaultDriverFor(kind: StoreKind, config: StoreConfig): DefaultStoresModule {
  for (const driver of storeDrivers) {
    if (driver.binds === 'default' && driver.create[kind] !== undefined && driver.provides(config).includes(kind)) {
      return driver;
    }
  }
  throw new TypeError(`no default store driver provides ${kind}`); // the registry ends with the memory driver
}

function bindDefaultStore<K extends StoreKind>(kind: K, bindDefault: BindDefault): void {
  // The kinds are named after their TYPES symbols.
  const id = TYPES[kind] as interfaces.ServiceIdentifier<StoreTypes[K]>;
  bindDefault(id)
    ?.toDynamicValue((ctx) => defaultDriverFor(kind, storeConfigOf(ctx.container)).create[kind]!(ctx.container))
    .inSingletonScope();
}
