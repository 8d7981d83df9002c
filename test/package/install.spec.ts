/**
 * The package as a user installs it: `npm pack` on a copy of the repository
 * as a fresh clone has it (no dist/: `prepack` must build), installed with
 * its peers into a new app, where the README's own examples — the tsconfig,
 * the embedded app with its config file, the standalone `init()` — are
 * written out verbatim, compiled and run, and answer over HTTP.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';

const run = promisify(execFile);
// dist/test/package -> project root.
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const README = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const PEERS = ['express', 'inversify', 'inversify-express-utils', 'reflect-metadata'];
const TYPES_FOR_EXAMPLE = ['@types/express', '@types/node'];

/** The first fenced block of `language` after `heading` (a line of the README). */
function readmeBlock(after: string, language: string): string {
  const start = README.indexOf(after);
  if (start === -1) throw new Error(`README has no "${after}"`);
  const fence = README.indexOf(`\`\`\`${language}\n`, start);
  const end = README.indexOf('\n```', fence + 4 + language.length);
  return README.slice(fence + 4 + language.length, end + 1);
}

const installedVersion = (name: string): string =>
  (JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

function freePort(): Promise<number> {
  return new Promise((ready) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ready(port));
    });
  });
}

/** Starts `node file` in `cwd` with PORT set; resolves once `url` answers. */
async function serveUntil(cwd: string, file: string, url: (port: number) => string): Promise<{ child: ChildProcess; port: number; log: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [file], { cwd, env: { ...process.env, PORT: String(port), PICO_BOOT_AUTO_PLUGINS: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${file} exited ${child.exitCode}: ${output}`);
    const ok = await fetch(url(port)).then((res) => res.ok, () => false);
    if (ok) return { child, port, log: () => output };
    if (Date.now() > deadline) throw new Error(`${file} did not answer ${url(port)}: ${output}`);
    await new Promise((wait) => setTimeout(wait, 200));
  }
}

describe('the packed package in a new app', function () {
  this.timeout(300_000);
  let work: string;
  let app: string;
  const children: ChildProcess[] = [];

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'pico-package-'));
    // A fresh clone: the files git knows (tracked, or new and not ignored), no dist/.
    const clone = join(work, 'clone');
    const { stdout } = await run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: projectRoot });
    for (const file of stdout.split('\0').filter((name) => name !== '')) {
      mkdirSync(dirname(join(clone, file)), { recursive: true });
      cpSync(join(projectRoot, file), join(clone, file));
    }
    symlinkSync(join(projectRoot, 'node_modules'), join(clone, 'node_modules'), 'dir');
    await run('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: clone, maxBuffer: 16 << 20 });
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    expect(tarball, 'npm pack made no tarball').to.be.a('string');

    app = join(work, 'app');
    mkdirSync(join(app, 'src'), { recursive: true });
    mkdirSync(join(app, 'config'));
    const dependencies: Record<string, string> = { 'pico-server-auth': `file:${join(work, tarball!)}` };
    for (const name of [...PEERS, ...TYPES_FOR_EXAMPLE, 'typescript']) dependencies[name] = installedVersion(name);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'new-app', private: true, type: 'module', dependencies }, null, 2));
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: app, maxBuffer: 16 << 20 });

    writeFileSync(join(app, 'tsconfig.json'), readmeBlock('## Install', 'json'));
    writeFileSync(join(app, 'src', 'app.ts'), readmeBlock('`src/app.ts`:', 'ts'));
    writeFileSync(join(app, 'config', 'auth.yaml'), readmeBlock('`config/auth.yaml`', 'yaml'));
    writeFileSync(join(app, 'src', 'standalone.ts'), readmeBlock('declares its own, so standalone mode is:', 'ts'));
  });
  after(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  });

  it('packs the built code, and installs with a single copy of each peer', async () => {
    const packed = JSON.parse(readFileSync(join(app, 'node_modules', 'pico-server-auth', 'package.json'), 'utf8')) as {
      peerDependencies: Record<string, string>;
    };
    expect(Object.keys(packed.peerDependencies).sort()).to.deep.equal([...PEERS].sort());
    expect(readdirSync(join(app, 'node_modules', 'pico-server-auth', 'dist', 'src'))).to.include('index.js');
    expect(readdirSync(join(app, 'node_modules', 'pico-server-auth', 'config'))).to.include('server-auth.yaml');
    const { stdout } = await run('npm', ['ls', 'inversify', '--all', '--parseable'], { cwd: app });
    expect(stdout.trim().split('\n')).to.have.length(1);
  });

  it('compiles the README examples with the README tsconfig', async () => {
    const tsc = join(app, 'node_modules', 'typescript', 'bin', 'tsc');
    const compiled = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: app }).catch((error: { stdout: string }) => {
      throw new Error(`tsc failed:\n${error.stdout}`);
    });
    expect(compiled.stdout).to.equal('');
  });

  it('runs the embedded example: /hello and /api/v1/auth/jwks answer side by side', async () => {
    const server = await serveUntil(app, join('dist', 'app.js'), (port) => `http://127.0.0.1:${port}/hello`);
    children.push(server.child);
    expect(await (await fetch(`http://127.0.0.1:${server.port}/hello`)).json()).to.deep.equal({ hello: 'world' });
    const jwks = (await (await fetch(`http://127.0.0.1:${server.port}/api/v1/auth/jwks`)).json()) as { keys: unknown[] };
    expect(jwks.keys).to.have.length(1);
    server.child.kill('SIGTERM');
  });

  it('runs the standalone example on the package default config, the app having none', async () => {
    const server = await serveUntil(app, join('dist', 'standalone.js'), (port) => `http://127.0.0.1:${port}/api/v1/auth/jwks`);
    children.push(server.child);
    const discovery = (await (await fetch(`http://127.0.0.1:${server.port}/.well-known/openid-configuration`)).json()) as Record<string, string>;
    expect(discovery['issuer']).to.equal('http://localhost:8100');
    expect(readdirSync(join(app, '.data', 'keys')).filter((name) => name.endsWith('.json'))).to.have.length(1);
    server.child.kill('SIGTERM');
  });

  it('is ESM-only, as the README says: require() is refused', async () => {
    const refused = await run(process.execPath, ['-e', "require('pico-server-auth')"], { cwd: app }).then(
      () => undefined,
      (error: { stderr: string }) => error.stderr,
    );
    expect(refused).to.include('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });
});
