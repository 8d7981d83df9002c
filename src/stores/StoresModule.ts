/**
 * @module stores/StoresModule
 * The one shape every store driver folder exports (`memory/`, `jsonl/`,
 * `file/`, `redis/`): which stores it keeps under a config, how they are
 * built, and how the driver connects at startup and closes at shutdown.
 * `storeDrivers.ts` lists the drivers; `serverAuthModule`, `init()` and the
 * CLI only ever go through this shape, so a new driver is one folder plus one
 * line there.
 */
import type { interfaces } from 'inversify';
import type { RedisSettings, ServerAuthSettings } from '../config/ServerAuthSettings.js';
import type { ChallengeStore } from './ChallengeStore.js';
import type { KeyStore } from './KeyStore.js';
import type { MintAuditStore } from './MintAuditStore.js';
import type { RevocationStore } from './RevocationStore.js';
import type { TokenFamilyStore } from './TokenFamilyStore.js';

/** Every store, by the name of its `TYPES` symbol. */
export interface StoreTypes {
  readonly ChallengeStore: ChallengeStore;
  readonly KeyStore: KeyStore;
  readonly RevocationStore: RevocationStore;
  readonly MintAuditStore: MintAuditStore;
  readonly TokenFamilyStore: TokenFamilyStore;
}

export type StoreKind = keyof StoreTypes;

export const STORE_KINDS: readonly StoreKind[] = Object.freeze([
  'ChallengeStore', 'KeyStore', 'RevocationStore', 'MintAuditStore', 'TokenFamilyStore',
]);

/** The parts of the configuration that choose and set up drivers. */
export interface StoreConfig {
  readonly server_auth: ServerAuthSettings;
  readonly redis: RedisSettings;
}

/** Builds one store from the container (settings, clock, logger, the driver's own bindings). */
export type StoreFactories = { readonly [K in StoreKind]?: (container: interfaces.Container) => StoreTypes[K] };

interface DriverBase {
  /** Short name for messages and the registry (`memory`, `jsonl`, ...). */
  readonly name: string;
  /** The stores this driver keeps under `config`; none when the config does not select it. */
  provides(config: StoreConfig): readonly StoreKind[];
  /**
   * Startup, after every module loaded: opens what the driver's bound stores
   * need and rejects with a BootError when it cannot. Does nothing when none
   * of its stores is bound.
   */
  connect(container: interfaces.Container): Promise<void>;
  /** Shutdown: closes whatever the driver opened in this container (never a store a user bound). */
  close(container: interfaces.Container): Promise<void>;
}

/**
 * A single-process default. `serverAuthModule` binds each store nobody bound
 * to the first default driver (registry order) that provides it, decided when
 * the store is first resolved, so a user's `bind` before loading or `rebind`
 * after loading always wins.
 */
export interface DefaultStoresModule extends DriverBase {
  readonly binds: 'default';
  readonly create: StoreFactories;
}

/**
 * A backend shared by several instances. `init()` loads its module before any
 * other when the config selects it, so its stores replace the single-process
 * defaults (a caller who still wants a store of their own `rebind`s it).
 */
export interface SharedStoresModule extends DriverBase {
  readonly binds: 'first';
  /** The container module binding what it provides under `config`, and what those stores share. */
  module(config: StoreConfig): interfaces.ContainerModule;
}

export type StoresModule = DefaultStoresModule | SharedStoresModule;
