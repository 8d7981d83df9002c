import { MemoryRevocationStore } from '../../../src/stores/memory/MemoryRevocationStore.js';
import { revocationStoreContract } from '../revocationStore.contract.js';

revocationStoreContract('MemoryRevocationStore', async () => ({ store: new MemoryRevocationStore() }));
