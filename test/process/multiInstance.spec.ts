/**
 * @module test/process/multiInstance
 * Three real servers (`serve --config`) on their own ports share one Redis and
 * one key directory, as instances behind a load balancer would: a challenge
 * from one is signed in at another, one challenge raced across all three wins
 * once, a revoke on one is refused by another's guard at once, one's mints
 * are listed by another, and a refresh token works once across all of them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { RedisConnection } from '../../src/stores/redis/RedisConnection.js';
import { killHard, listening, requestJson, startServer, type ServerProcess } from '../support/durabilityServer.js';
import { stopServer } from '../support/keyProcesses.js';
import { RecordingLogger } from '../support/RecordingLogger.js';
import { describeWithRedis, dropAndClose, testPrefix } from '../support/redis.js';
import { AUDIENCE, AUTH, ISSUER, Wallet, operatorLogin, writeRedisConfig } from '../support/redisProcesses.js';

describeWithRedis('several instances sharing Redis (real servers)', (url) => {
  let dir: string;
  let prefix: string;
  let servers: ServerProcess[];
  let a: string;
  let b: string;
  let c: string;

  before(async function () {
    this.timeout(60_000);
    dir = mkdtempSync(join(tmpdir(), 'pico-multi-'));
    prefix = testPrefix();
    const config = writeRedisConfig(dir, { url, prefix });
    servers = [startServer(config), startServer(config), startServer(config)];
    [a, b, c] = await Promise.all(servers.map((server) => listening(server)));
  });

  after(async function () {
    this.timeout(30_000);
    await Promise.all(servers.map((server) => stopServer(server).catch(() => killHard(server))));
    rmSync(dir, { recursive: true, force: true });
    const connection = new RedisConnection({ url, keyPrefix: prefix, logger: new RecordingLogger() });
    await connection.connect();
    await dropAndClose(connection);
  });

  it('when a challenge is obtained from A, and signed in at B, B issues tokens C validates', async () => {
    const wallet = new Wallet();
    const nonce = await wallet.challenge(a);

    const res = await wallet.signIn(b, nonce);

    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body['address']).to.equal(wallet.address);
    const jwks = createRemoteJWKSet(new URL(`${c}${AUTH}/jwks`));
    const { payload } = await jwtVerify(res.body['access_token'] as string, jwks, {
      issuer: ISSUER, audience: AUDIENCE, algorithms: ['RS256'],
    });
    expect(payload.sub).to.equal(wallet.address);
  });

  it('when 30 sign-ins with one challenge race across the three, exactly one succeeds', async () => {
    const wallet = new Wallet();
    const nonce = await wallet.challenge(c);
    const body = wallet.signInBody(nonce);
    const bases = [a, b, c];

    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => requestJson('POST', `${bases[i % 3]}${AUTH}/sign-in`, { body })),
    );

    const statuses = results.map((res) => res.status);
    expect(statuses.filter((status) => status === 200), statuses.join(',')).to.have.length(1);
    for (const res of results.filter((r) => r.status !== 200)) {
      expect(res.status).to.equal(401);
      expect(res.body['detail']).to.equal('invalid or expired challenge');
    }
  });

  it('when one address asks the three for challenges, they share one limit: the 11th in a minute is 429', async () => {
    const address = new Wallet().address;
    const bases = [a, b, c];
    for (let i = 0; i < 10; i += 1) {
      const res = await requestJson('POST', `${bases[i % 3]}${AUTH}/challenge`, { body: { address } });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
    }
    const refused = await fetch(`${b}${AUTH}/challenge`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ address }),
    });
    expect(refused.status).to.equal(429);
    expect(await refused.json()).to.deep.equal({ detail: 'too many requests', code: 'ERR_RATE_LIMITED' });
    expect(Number(refused.headers.get('retry-after'))).to.be.within(1, 60);
    expect(refused.headers.get('ratelimit-policy')).to.equal('"ip";q=120;w=60, "account";q=10;w=60');
    // Another address is not affected.
    expect((await requestJson('POST', `${a}${AUTH}/challenge`, { body: { address: new Wallet().address } })).status).to.equal(200);
  });

  it('when an operator token is revoked on A, the guard of C refuses it at once', async () => {
    const revoker = await operatorLogin(a);
    const victim = await operatorLogin(c);
    const feed = (bearer: string): Promise<{ status: number; body: Record<string, unknown> }> =>
      requestJson('GET', `${c}${AUTH}/revoked-jtis`, { bearer });
    expect((await feed(victim.access_token)).status).to.equal(200);
    const jti = decodeJwt(victim.access_token).jti!;

    const revoked = await requestJson('POST', `${a}${AUTH}/revoke`, { bearer: revoker.access_token, body: { jti, reason: 'test' } });

    expect(revoked.status, JSON.stringify(revoked.body)).to.equal(200);
    const refused = await feed(victim.access_token);
    expect(refused.status).to.equal(401);
    expect(refused.body['detail']).to.equal('token revoked');
    const listed = await feed(revoker.access_token);
    expect((listed.body['items'] as { jti: string }[]).map((item) => item.jti)).to.include(jti);
  });

  it('when a token is minted on C, /mints on B lists it', async () => {
    const wallet = new Wallet();
    const signIn = await wallet.signIn(c, await wallet.challenge(c));
    expect(signIn.status).to.equal(200);
    const jti = decodeJwt(signIn.body['access_token'] as string).jti;
    const operator = await operatorLogin(a);

    const mints = await requestJson('GET', `${b}${AUTH}/mints?limit=50`, { bearer: operator.access_token });

    expect(mints.status, JSON.stringify(mints.body)).to.equal(200);
    const item = (mints.body['items'] as { jti: string; sub: string; revoked: boolean }[]).find((m) => m.jti === jti);
    expect(item, `jti ${jti} in /mints of B`).to.include({ sub: wallet.address, revoked: false });
  });

  it('when a refresh token is used on A, and presented again on B, B answers reused and revokes the family', async () => {
    const wallet = new Wallet();
    const first = await wallet.signIn(b, await wallet.challenge(b));
    const refreshToken = first.body['refresh_token'] as string;

    const rotated = await requestJson('POST', `${a}${AUTH}/refresh`, { body: { refresh_token: refreshToken } });
    const replayed = await requestJson('POST', `${b}${AUTH}/refresh`, { body: { refresh_token: refreshToken } });

    expect(rotated.status, JSON.stringify(rotated.body)).to.equal(200);
    expect(replayed.status).to.equal(401);
    expect(replayed.body['detail']).to.equal('refresh token reused');
    const next = await requestJson('POST', `${c}${AUTH}/refresh`, { body: { refresh_token: rotated.body['refresh_token'] } });
    expect(next.status).to.equal(401);
  });

  it('when everything above ran, no server process exited', () => {
    for (const server of servers) expect(server.child.exitCode, server.output.stderr).to.equal(null);
  });
});
