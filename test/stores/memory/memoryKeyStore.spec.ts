/**
 * @module test/stores/memory/memoryKeyStore
 * MemoryKeyStore: the KeyStore contract, for keys held by this process alone.
 */
import { MemoryKeyStore } from '../../../src/stores/memory/MemoryKeyStore.js';
import { testPolicy } from '../../support/keyStores.js';
import { keyStoreContract } from '../keyStore.contract.js';

keyStoreContract('MemoryKeyStore', async (clock) => ({ store: new MemoryKeyStore({ policy: testPolicy(), clock }) }), {
  shared: false,
});
