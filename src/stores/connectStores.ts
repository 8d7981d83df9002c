/**
 * @module stores/connectStores
 * Startup and shutdown of every driver, through the one `StoresModule`
 * shape: each driver connects or closes only what it bound or opened in the
 * container, so these are safe whatever the config chose.
 */
import type { interfaces } from 'inversify';
import { storeDrivers } from './storeDrivers.js';

/** Opens what the container's drivers need; rejects (BootError) when one cannot. */
export async function connectStores(container: interfaces.Container): Promise<void> {
  for (const driver of storeDrivers) await driver.connect(container);
}

/**
 * Closes what every driver opened (open files, connections that would keep
 * the process alive). Every driver is closed even when one fails; the first
 * failure is then thrown.
 */
export async function closeStores(container: interfaces.Container): Promise<void> {
  const results = await Promise.allSettled(storeDrivers.map((driver) => driver.close(container)));
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
}
