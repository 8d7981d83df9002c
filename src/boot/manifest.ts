/**
 * @module boot/manifest
 * The `picoBoot` field a package puts in its `package.json` to offer container
 * modules to `init()`:
 *
 * ```json
 * "picoBoot": { "modules": [{ "import": "./dist/index.js", "export": "serverAuthModule" }] }
 * ```
 *
 * `import` is a path inside the declaring package, starting with `./`;
 * `export` names a `ContainerModule`, or a function that takes the validated
 * config and returns one.
 */
import { BootError } from '../errors/BootError.js';

export const MANIFEST_FIELD = 'picoBoot';

export interface ManifestEntry {
  readonly import: string;
  readonly export: string;
}

/** Where an entry came from, for error messages: `<package> picoBoot.modules[<i>]`. */
export function describeEntry(packageName: string, index: number, entry?: Partial<ManifestEntry>): string {
  const target = entry?.import !== undefined ? ` (${String(entry.import)}#${String(entry.export)})` : '';
  return `package ${packageName}, ${MANIFEST_FIELD}.modules[${index}]${target}`;
}

/** The entries a package.json declares; none when it has no `picoBoot` field. */
export function readManifest(packageName: string, packageJson: Record<string, unknown>): ManifestEntry[] {
  const field = packageJson[MANIFEST_FIELD];
  if (field === undefined) return [];
  const modules = (field as { modules?: unknown } | null)?.modules;
  if (!Array.isArray(modules)) {
    throw new BootError(`package ${packageName}: ${MANIFEST_FIELD}.modules must be an array`);
  }
  return modules.map((entry: unknown, index) => {
    const candidate = (entry ?? {}) as Partial<Record<keyof ManifestEntry, unknown>>;
    if (
      typeof candidate.import !== 'string' ||
      !candidate.import.startsWith('./') ||
      typeof candidate.export !== 'string' ||
      candidate.export === ''
    ) {
      throw new BootError(
        `${describeEntry(packageName, index)}: expected {"import": "./path/inside/package.js", "export": "name"}`,
      );
    }
    return { import: candidate.import, export: candidate.export };
  });
}
