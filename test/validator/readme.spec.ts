/**
 * @module test/validator/readme
 * The README's "Validating tokens in your services" examples, run as written
 * against the real server: each fenced block after a
 * `<!-- validator-example: NAME -->` marker is written out as a module inside
 * this package (so `pico-server-auth/validator` resolves to the compiled
 * subpath export) with only the issuer URL, the listen call and the poll
 * interval swapped for the test's, then imported.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import type { Express } from 'express';
import { decodeJwt } from 'jose';
import request from 'supertest';
import { walletAccessToken } from '../support/keyProcesses.js';
import { mintServiceToken, operatorTokens, revoke, startIssuer, type Issuer } from './issuerProcess.js';

const here = dirname(fileURLToPath(import.meta.url));
const README = resolve(here, '../../../README.md');
const EXAMPLE_ISSUER = "'https://auth.example.com'";

function example(name: string): string {
  const readme = readFileSync(README, 'utf8');
  const match = new RegExp(`<!-- validator-example: ${name} -->\\n\`\`\`js\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  if (match === null) throw new Error(`README has no validator example "${name}"`);
  return match[1]!;
}

/** Writes the example (after `edits`) next to this spec and imports it. */
async function load<T>(name: string, base: string, edits: readonly [string, string][]): Promise<T> {
  let source = example(name);
  expect(source).to.include(EXAMPLE_ISSUER);
  source = source.replaceAll(EXAMPLE_ISSUER, JSON.stringify(base));
  for (const [from, to] of edits) {
    expect(source, `README example ${name} still contains ${from}`).to.include(from);
    source = source.replace(from, to);
  }
  const file = join(here, `readme-${name}-${process.pid}.mjs`);
  writeFileSync(file, source);
  return (await import(pathToFileURL(file).href)) as T;
}

describe('README: validating tokens in your services (real server)', function () {
  this.timeout(60_000);
  let issuer: Issuer;
  before(async () => {
    issuer = await startIssuer();
  });
  after(async () => {
    delete process.env['PICO_SERVICE_TOKEN'];
    await issuer?.stop();
  });

  it('when the route example runs, it protects the route with the wallet role', async () => {
    const { app } = await load<{ app: Express }>('route', issuer.base, [['app.listen(3000);', 'export { app };']]);
    const wallet = await walletAccessToken(issuer.base);

    expect((await request(app).get('/orders')).status).to.equal(401);
    const ok = await request(app).get('/orders').set('authorization', `Bearer ${wallet}`);
    expect(ok.status).to.equal(200);
    expect(ok.body).to.deep.equal({ owner: decodeJwt(wallet).sub });
    const operator = await request(app).get('/orders').set('authorization', `Bearer ${(await operatorTokens(issuer.base)).access}`);
    expect(operator.status).to.equal(403);
  });

  it('when the verify example runs with a service token, it returns the owner until the token is revoked', async () => {
    process.env['PICO_SERVICE_TOKEN'] = await mintServiceToken(issuer.config);
    const { ownerOf } = await load<{ ownerOf: (token: string) => Promise<string | undefined> }>('verify', issuer.base, [
      ['pollIntervalSeconds: 30', 'pollIntervalSeconds: 0.25'],
    ]);
    const wallet = await walletAccessToken(issuer.base);
    expect(await ownerOf(wallet)).to.equal(decodeJwt(wallet).sub);
    expect(await ownerOf('not-a-token')).to.equal(undefined);

    await revoke(issuer.base, decodeJwt(wallet).jti!);
    const deadline = Date.now() + 3_000;
    while ((await ownerOf(wallet)) !== undefined && Date.now() < deadline) await sleep(50);
    expect(await ownerOf(wallet)).to.equal(undefined);
  });
});
