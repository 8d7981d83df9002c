import { expect } from 'chai';
import { MemoryMintAuditStore } from '../../../src/stores/memory/MemoryMintAuditStore.js';
import { mintAuditStoreContract } from '../mintAuditStore.contract.js';

mintAuditStoreContract('MemoryMintAuditStore', async (maxEntries) => ({ store: new MemoryMintAuditStore(maxEntries) }));

describe('MemoryMintAuditStore', () => {
  describe('constructor', () => {
    it('when maxEntries is not positive, and the store is built, throws RangeError', () => {
      expect(() => new MemoryMintAuditStore(0)).to.throw(RangeError);
      expect(() => new MemoryMintAuditStore(-1)).to.throw(RangeError);
      expect(() => new MemoryMintAuditStore(Number.NaN)).to.throw(RangeError);
    });
  });
});
