/**
 * @module test/process/redisOutage
 * Redis stopped under two running servers (a private redis-server child, so
 * it can be stopped and restarted): every store-backed request answers 503
 * with a clear detail, a revoked token is never let through, no server exits,
 * and once Redis is back the same processes serve again without a restart.
 * Also: a server configured with an unreachable Redis refuses to start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { decodeJwt } from 'jose';
import {
  isRunning, killHard, listening, requestJson, startServer, within, type JsonResponse, type ServerProcess,
} from '../support/durabilityServer.js';
import { stopServer } from '../support/keyProcesses.js';
import { RedisServerProcess, describeWithRedisServer, freePort, testPrefix } from '../support/redis.js';
import { AUTH, Wallet, operatorLogin, writeRedisConfig } from '../support/redisProcesses.js';

const UNAVAILABLE = 'ERR_SERVICE_UNAVAILABLE';
const RECOVERY_MS = 20_000;

function expectUnavailable(res: JsonResponse, store: string): void {
  expect(res.status, JSON.stringify(res.body)).to.equal(503);
  expect(res.body).to.deep.equal({ detail: `store unavailable: ${store}: Redis is unreachable, retry later`, code: UNAVAILABLE });
}

describeWithRedisServer('Redis outage under running servers (real servers, real redis-server)', () => {
  let dir: string;
  let redis: RedisServerProcess;
  let servers: ServerProcess[] = [];

  beforeEach(async function () {
    this.timeout(60_000);
    dir = mkdtempSync(join(tmpdir(), 'pico-redis-outage-'));
    // Append-only persistence, as production Redis should run: the denylist survives its restart.
    redis = await RedisServerProcess.start({ dir, persist: true });
  });

  afterEach(async function () {
    this.timeout(30_000);
    await Promise.all(servers.splice(0).map((server) => killHard(server).catch(() => undefined)));
    await redis.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('when Redis stops, requests get 503 and nothing exits; when it is back, the same processes serve again', async function () {
    this.timeout(90_000);
    const config = writeRedisConfig(dir, { url: redis.url, prefix: testPrefix() });
    servers = [startServer(config), startServer(config)];
    const [a, b] = (await Promise.all(servers.map((server) => listening(server)))) as [string, string];
    const pids = servers.map((server) => server.child.pid);
    const operator = await operatorLogin(a);
    const victim = await operatorLogin(b);
    const victimJti = decodeJwt(victim.access_token).jti!;
    const revoked = await requestJson('POST', `${a}${AUTH}/revoke`, { bearer: operator.access_token, body: { jti: victimJti } });
    expect(revoked.status).to.equal(200);
    const wallet = new Wallet();
    const pending = await wallet.challenge(a);

    await redis.stop('SIGTERM');

    expectUnavailable(await requestJson('POST', `${a}${AUTH}/challenge`, { body: { address: wallet.address } }), 'challenge store');
    expectUnavailable(await wallet.signIn(b, pending), 'challenge store');
    // The guard cannot tell whether a token is revoked: it answers 503, never 200, for both.
    expectUnavailable(await requestJson('GET', `${b}${AUTH}/revoked-jtis`, { bearer: victim.access_token }), 'revocation store');
    expectUnavailable(await requestJson('GET', `${b}${AUTH}/revoked-jtis`, { bearer: operator.access_token }), 'revocation store');
    expectUnavailable(await requestJson('GET', `${a}${AUTH}/mints`, { bearer: operator.access_token }), 'revocation store');
    expect((await fetch(`${a}${AUTH}/jwks`)).status).to.equal(200); // keys do not live in Redis
    for (const server of servers) expect(isRunning(server), server.output.stderr).to.equal(true);

    await redis.restart();

    const deadline = Date.now() + RECOVERY_MS;
    let challenge: JsonResponse;
    do {
      await new Promise((resolve) => setTimeout(resolve, 100));
      challenge = await requestJson('POST', `${a}${AUTH}/challenge`, { body: { address: wallet.address } });
    } while (challenge.status === 503 && Date.now() < deadline);
    expect(challenge.status, JSON.stringify(challenge.body)).to.equal(200);
    const signIn = await wallet.signIn(b, challenge.body['challenge'] as string);
    expect(signIn.status, JSON.stringify(signIn.body)).to.equal(200);
    const refused = await requestJson('GET', `${b}${AUTH}/revoked-jtis`, { bearer: victim.access_token });
    expect(refused.status).to.equal(401);
    expect(refused.body['detail']).to.equal('token revoked');
    const feed = await requestJson('GET', `${b}${AUTH}/revoked-jtis`, { bearer: operator.access_token });
    expect((feed.body['items'] as { jti: string }[]).map((item) => item.jti)).to.deep.equal([victimJti]);
    expect(servers.map((server) => server.child.pid)).to.deep.equal(pids);
    for (const server of servers) {
      expect(isRunning(server)).to.equal(true);
      expect(server.output.stdout + server.output.stderr).to.match(/Redis at redis:\/\/127\.0\.0\.1:\d+ is reachable again/);
    }

    await Promise.all(servers.map((server) => stopServer(server)));
    for (const server of servers) expect(await server.exited).to.equal(0);
  });

  it('when Redis is configured but nothing answers, the server exits at startup naming the URL without its password', async function () {
    this.timeout(30_000);
    const port = await freePort();
    const config = writeRedisConfig(dir, { url: `redis://:s3cret@127.0.0.1:${port}`, prefix: testPrefix(), connectTimeoutMs: 1000 });
    servers = [startServer(config)];

    const code = await within(servers[0]!.exited, 20_000, 'the server to give up on Redis');

    expect(code).to.equal(2);
    expect(servers[0]!.output.stderr).to.contain(`cannot connect to Redis at redis://127.0.0.1:${port} within 1000 ms`);
    expect(servers[0]!.output.stderr + servers[0]!.output.stdout).not.to.contain('s3cret');
    expect(servers[0]!.output.stdout).not.to.match(/listening on/);
  });
});
