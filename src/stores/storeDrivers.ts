/**
 * @module stores/storeDrivers
 * Every store driver, the only list of them. Order is precedence: for each
 * store, the first driver whose `provides(config)` names it keeps it, so the
 * memory driver (which provides everything) comes last.
 */
import { fileStores } from './file/fileStores.js';
import { jsonlStores } from './jsonl/jsonlStores.js';
import { memoryStores } from './memory/memoryStores.js';
import { redisStores } from './redis/redisStores.js';
import type { StoresModule } from './StoresModule.js';

export const storeDrivers: readonly StoresModule[] = Object.freeze([redisStores, fileStores, jsonlStores, memoryStores]);
