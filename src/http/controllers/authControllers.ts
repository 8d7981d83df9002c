/**
 * @module http/controllers/authControllers
 * Every controller the module serves. A new endpoint group is one controller
 * file plus one entry here. Class names are distinctive on purpose:
 * inversify-express-utils resolves controllers by class name, and a host's own
 * `AuthController` must not clash with ours.
 */
import { PicoDiscoveryController } from './PicoDiscoveryController.js';
import { PicoKeysController } from './PicoKeysController.js';
import { PicoSessionController } from './PicoSessionController.js';
import { PicoTokenAdminController } from './PicoTokenAdminController.js';
import { PicoWalletController } from './PicoWalletController.js';

export const authControllers: readonly (new (...args: never[]) => object)[] = [
  PicoKeysController,
  PicoDiscoveryController,
  PicoWalletController,
  PicoSessionController,
  PicoTokenAdminController,
];
