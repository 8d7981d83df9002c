/**
 * The layering rules of the source tree, checked over the compiled output
 * (where type-only imports are gone, so what remains is what runs):
 * `config/` depends on nothing but `errors/` and the `algorithms/` names
 * leaf; `stores/`, `wallet/`, `tokens/` (and `crypto/`, `keys/`, `limits/`)
 * never import `http/`; nothing outside `cli/` imports `cli/`; no value-import
 * cycle; and no source file grows past 250 lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

// dist/test/unit/layering -> project root.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const compiled = join(root, 'dist', 'src');
const sources = join(root, 'src');
const MAX_LINES = 250;

function filesUnder(dir: string, ending: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, ending);
    return entry.name.endsWith(ending) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Module (path under src/, without extension) -> the modules of src/ it imports, statically or not. */
function importGraph(): Map<string, { static: string[]; dynamic: string[] }> {
  const graph = new Map<string, { static: string[]; dynamic: string[] }>();
  const name = (path: string): string => relative(compiled, path).replace(/\.js$/, '');
  for (const file of filesUnder(compiled, '.js')) {
    const text = readFileSync(file, 'utf8');
    const local = (specifier: string): string | undefined =>
      specifier.startsWith('.') ? name(resolve(dirname(file), specifier)) : undefined;
    const statics = [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)]
      .map((match) => local(match[1] ?? match[2]!))
      .filter((target): target is string => target !== undefined);
    const dynamics = [...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)]
      .map((match) => local(match[1]!))
      .filter((target): target is string => target !== undefined);
    graph.set(name(file), { static: statics, dynamic: dynamics });
  }
  return graph;
}

const folderOf = (module: string): string => (module.includes('/') ? module.split('/')[0]! : '');

describe('source layering', () => {
  const graph = importGraph();
  const edges = [...graph].flatMap(([from, { static: s, dynamic: d }]) => [...s, ...d].map((to) => ({ from, to })));

  it('finds the compiled modules', () => {
    expect(graph.size).to.be.greaterThan(100);
  });

  it('config/ imports only errors/ and the algorithms/ names leaf, which imports nothing', () => {
    const bad = edges.filter(({ from, to }) => folderOf(from) === 'config' && !['config', 'errors', 'algorithms'].includes(folderOf(to)));
    expect(bad).to.deep.equal([]);
    expect(edges.filter(({ from }) => folderOf(from) === 'algorithms')).to.deep.equal([]);
  });

  it('stores/, wallet/, tokens/, crypto/, keys/ and limits/ never import http/', () => {
    const lower = new Set(['stores', 'wallet', 'tokens', 'crypto', 'keys', 'limits']);
    expect(edges.filter(({ from, to }) => lower.has(folderOf(from)) && folderOf(to) === 'http')).to.deep.equal([]);
  });

  it('nothing outside cli/ imports cli/', () => {
    expect(edges.filter(({ from, to }) => folderOf(from) !== 'cli' && folderOf(to) === 'cli')).to.deep.equal([]);
  });

  it('has no value-import cycle', () => {
    const cycles: string[][] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (module: string): void => {
      state.set(module, 'open');
      stack.push(module);
      for (const next of graph.get(module)?.static ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(module, 'done');
    };
    for (const module of graph.keys()) if (!state.has(module)) visit(module);
    expect(cycles.map((cycle) => cycle.join(' -> '))).to.deep.equal([]);
  });

  it(`keeps every source file under ${MAX_LINES} lines`, () => {
    const long = filesUnder(sources, '.ts')
      .map((file) => ({ file: relative(root, file), lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).to.deep.equal([]);
  });
});
