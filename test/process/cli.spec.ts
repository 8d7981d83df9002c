/**
 * The CLI's own help and version, as a user meets them first: `--help`,
 * `-h`, `help [command]`, `COMMAND --help`, `--version`, and usage errors
 * that point at the help.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { runCli } from '../support/keyProcesses.js';

// dist/test/process -> project root.
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const VERSION = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

describe('pico-server-auth (CLI)', () => {
  it('--help, -h and help print the usage and every command, exit 0', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).to.equal(0);
      expect(run.stdout).to.include('usage: pico-server-auth [command] [options]');
      for (const command of ['serve', 'mint', 'keys']) expect(run.stdout).to.match(new RegExp(`^  ${command} `, 'm'));
      expect(run.stdout).to.include(VERSION);
    }
  });

  it('COMMAND --help and help COMMAND list the command options, exit 0, and do nothing else', async () => {
    for (const args of [['mint', '--help'], ['help', 'mint'], ['mint', '-h']]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).to.equal(0);
      expect(run.stdout).to.include('usage: pico-server-auth mint --sub NAME --role ROLE --ttl DURATION');
      for (const option of ['--sub', '--role', '--ttl', '--scope', '--config', '--force']) expect(run.stdout).to.include(option);
    }
    const keys = await runCli(['keys', '--help']);
    expect(keys.stdout).to.include('usage: pico-server-auth keys list|rotate');
    const serve = await runCli(['serve', '--help']);
    expect(serve.code).to.equal(0);
    expect(serve.stdout).to.include('usage: pico-server-auth serve [--config FILE]');
  });

  it('--version and -V print the package version alone', async () => {
    for (const flag of ['--version', '-V']) {
      const run = await runCli([flag]);
      expect(run.code).to.equal(0);
      expect(run.stdout).to.equal(`${VERSION}\n`);
    }
  });

  it('usage errors exit 2 with one line that points at --help', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr).to.match(/unknown command "frobnicate" \(expected one of: serve, mint, keys; see --help\)/);
    const flag = await runCli(['keys', 'list', '--force']);
    expect(flag.code).to.equal(2);
    expect(flag.stderr).to.include('unknown option --force (see --help)');
  });
});
