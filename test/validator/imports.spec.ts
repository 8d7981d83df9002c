/**
 * @module test/validator/imports
 * The validator is for resource servers that may run neither Express nor
 * Inversify: its compiled modules import only each other, jose and
 * @noble/post-quantum (Express appears in its types only, which compile away).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

// dist/test/validator -> dist/src/validator
const compiled = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/validator');
const ALLOWED = new Set(['jose', '@noble/post-quantum/ml-dsa.js']);
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

describe('pico-server-auth/validator imports', () => {
  it('when compiled, imports only its own files, jose and @noble/post-quantum', () => {
    const files = readdirSync(compiled).filter((name) => name.endsWith('.js'));
    expect(files).to.include('index.js');
    const outside: string[] = [];
    const seen = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(join(compiled, file), 'utf8').matchAll(IMPORT)) {
        const specifier = match[1] ?? match[2] ?? match[3]!;
        seen.add(specifier);
        const local = specifier.startsWith('./') && !specifier.slice(2).includes('/');
        if (!local && !ALLOWED.has(specifier)) outside.push(`${file}: ${specifier}`);
      }
    }
    expect(outside).to.deep.equal([]);
    // The scan does see imports (it would pass vacuously otherwise).
    expect([...seen]).to.include.members(['jose', '@noble/post-quantum/ml-dsa.js', './createValidator.js']);
  });
});
