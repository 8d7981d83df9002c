/**
 * @module stores/memory/memoryStores
 * The memory driver: every store in this process's memory. It is the last
 * default of the registry, so it keeps whatever no other driver provides
 * under the config. Stores whose loss or isolation changes what clients see
 * (signing keys, challenges, revocations, refresh rotation) are announced
 * with one warning each when created: they die with the process, and other
 * instances cannot see them. The mint audit is a bounded, best-effort log
 * either way, so it goes silently.
 */
import type { interfaces } from 'inversify';
import { TYPES } from '../../identifiers.js';
import { keyPolicy } from '../../keys/keyPolicy.js';
import type { Logger } from '../../logging/Logger.js';
import type { DefaultStoresModule, StoreKind } from '../StoresModule.js';
import { MemoryChallengeStore } from './MemoryChallengeStore.js';
import { MemoryKeyStore } from './MemoryKeyStore.js';
import { MemoryMintAuditStore } from './MemoryMintAuditStore.js';
import { MemoryRevocationStore } from './MemoryRevocationStore.js';
import { MemoryTokenFamilyStore } from './MemoryTokenFamilyStore.js';

/** What a development-only memory store costs, and the setting that avoids it. */
export const MEMORY_STORE_WARNINGS: Readonly<Partial<Record<StoreKind, string>>> = Object.freeze({
  KeyStore:
    'signing key generated in memory: tokens stop validating when this process restarts ' +
    '(set server_auth.key_directory to keep keys)',
  ChallengeStore:
    'challenges kept in memory: a challenge issued by this process cannot be answered at another instance ' +
    '(set redis.url to share them)',
  RevocationStore:
    'revocations kept in memory: they are lost when this process restarts and other instances do not see them ' +
    '(set server_auth.revocation_store_path or redis.url)',
  TokenFamilyStore:
    'refresh token rotation kept in memory: a used refresh token is accepted again after a restart or at another ' +
    'instance (set server_auth.token_family_store_path or redis.url)',
});

/** Warns once per store built (each is a singleton), through the container's logger. */
function announced<T>(kind: StoreKind, container: interfaces.Container, store: T): T {
  const warning = MEMORY_STORE_WARNINGS[kind];
  if (warning !== undefined) container.get<Logger>(TYPES.Logger).warn(warning);
  return store;
}

export const memoryStores: DefaultStoresModule = Object.freeze({
  name: 'memory',
  binds: 'default',
  provides: () => ['ChallengeStore', 'KeyStore', 'RevocationStore', 'MintAuditStore', 'TokenFamilyStore'] as const,
  create: Object.freeze({
    ChallengeStore: (container: interfaces.Container) => {
      const settings = container.get(TYPES.ServerAuthSettings);
      return announced('ChallengeStore', container, new MemoryChallengeStore({
        ttlSeconds: settings.challenge_ttl_seconds,
        maxPending: settings.challenge_max_pending,
        clock: container.get(TYPES.Clock),
      }));
    },
    KeyStore: (container: interfaces.Container) => announced('KeyStore', container, new MemoryKeyStore({
      policy: keyPolicy(container.get(TYPES.ServerAuthSettings)),
      clock: container.get(TYPES.Clock),
    })),
    RevocationStore: (container: interfaces.Container) =>
      announced('RevocationStore', container, new MemoryRevocationStore()),
    MintAuditStore: (container: interfaces.Container) =>
      new MemoryMintAuditStore(container.get(TYPES.ServerAuthSettings).mint_audit_max_in_memory),
    TokenFamilyStore: (container: interfaces.Container) =>
      announced('TokenFamilyStore', container, new MemoryTokenFamilyStore(container.get(TYPES.Clock))),
  }),
  // Nothing to open or close: the stores are plain objects.
  connect: async () => undefined,
  close: async () => undefined,
});
