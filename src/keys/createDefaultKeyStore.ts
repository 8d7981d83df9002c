/**
 * @module keys/createDefaultKeyStore
 * The key store `serverAuthModule` binds when the user bound none: the file
 * store when `key_directory` is set, otherwise keys in memory with a warning
 * (they die with the process, and other instances cannot validate them).
 */
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';
import type { Logger } from '../logging/Logger.js';
import { FileKeyStore } from '../stores/file/FileKeyStore.js';
import type { KeyStore } from '../stores/KeyStore.js';
import { MemoryKeyStore } from '../stores/memory/MemoryKeyStore.js';
import type { Clock } from '../time/Clock.js';
import { keyPolicy } from './keyPolicy.js';

export function createDefaultKeyStore(settings: ServerAuthSettings, clock: Clock, logger: Logger): KeyStore {
  const policy = keyPolicy(settings);
  if (settings.key_directory !== '') {
    return new FileKeyStore({ directory: settings.key_directory, policy, clock, logger });
  }
  logger.warn(
    'signing key generated in memory: tokens stop validating when this process restarts ' +
      '(set server_auth.key_directory to keep keys)',
  );
  return new MemoryKeyStore({ policy, clock });
}
