/**
 * @module boot/discover
 * Finds the container modules offered by the application package and its
 * dependencies through their `picoBoot` manifests. A manifest entry that
 * cannot be imported, or that exports something other than a container
 * module, stops startup: an auth module that silently fails to load would
 * leave the app open.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { interfaces } from 'inversify';
import type { PicoConfig } from '../config/ServerAuthSettings.js';
import { BootError } from '../errors/BootError.js';
import { describeEntry, readManifest } from './manifest.js';

export interface DiscoveredModule {
  /** `package picoBoot.modules[i] (import#export)`: where it came from. */
  readonly source: string;
  readonly module: interfaces.ContainerModule;
}

interface PackageInfo {
  readonly name: string;
  readonly dir: string;
  readonly json: Record<string, unknown>;
}

function readPackage(dir: string): PackageInfo | undefined {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return undefined;
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return { name: typeof json['name'] === 'string' ? json['name'] : dir, dir, json };
  } catch (cause) {
    throw new BootError(`cannot read ${file}: ${(cause as Error).message}`, { cause });
  }
}

/** Node's lookup: `node_modules/<name>` in `from` and each of its parents. */
function findDependency(name: string, from: string): PackageInfo | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const found = readPackage(join(dir, 'node_modules', name));
    if (found !== undefined) return found;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The application package first, then its runtime dependencies in name order. */
function packagesToScan(root: string): PackageInfo[] {
  const app = readPackage(root);
  if (app === undefined) return [];
  const deps = { ...(app.json['optionalDependencies'] as object), ...(app.json['dependencies'] as object) };
  const found = Object.keys(deps)
    .sort()
    .map((name) => findDependency(name, root))
    .filter((info): info is PackageInfo => info !== undefined);
  return [app, ...found];
}

function isContainerModule(value: unknown): value is interfaces.ContainerModule {
  const candidate = value as Partial<interfaces.ContainerModule> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.registry === 'function';
}

export async function discoverModules(root: string, config: PicoConfig): Promise<DiscoveredModule[]> {
  const discovered: DiscoveredModule[] = [];
  for (const pkg of packagesToScan(resolve(root))) {
    const entries = readManifest(pkg.name, pkg.json);
    for (const [index, entry] of entries.entries()) {
      const source = describeEntry(pkg.name, index, entry);
      let namespace: Record<string, unknown>;
      try {
        namespace = (await import(pathToFileURL(join(pkg.dir, entry.import)).href)) as Record<string, unknown>;
      } catch (cause) {
        throw new BootError(`${source}: cannot be imported: ${(cause as Error).message}`, { cause });
      }
      let value = namespace[entry.export];
      if (typeof value === 'function') {
        value = (value as (config: PicoConfig) => unknown)(config);
      }
      if (!isContainerModule(value)) {
        throw new BootError(`${source}: export "${entry.export}" is not a ContainerModule or a factory of one`);
      }
      discovered.push({ source, module: value });
    }
  }
  return discovered;
}
