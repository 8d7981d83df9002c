/**
 * @module test/stores/redis/redisKeyStore
 * RedisKeyStore: the KeyStore contract, and the file store's semantics over
 * Redis. Keys survive a restart (a new store on the same prefix), instances
 * racing on an empty Redis agree on one key, a rotation made by one instance
 * (or the CLI) is picked up by another after key_refresh_seconds on a
 * FakeClock, retired keys drop out and are pruned, and while Redis is away
 * the keys held in memory keep signing and verifying. Wiring:
 * `redis.key_store` switches TYPES.KeyStore to Redis, and `keys rotate`
 * rotates there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { ContainerModule } from 'inversify';
import { calculateJwkThumbprint, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JWK } from 'jose';
import { init, serverAuthModule, TYPES } from '../../../src/index.js';
import { KEY_RECORD_FORMAT } from '../../../src/keys/KeyRecord.js';
import type { KeyPolicy } from '../../../src/keys/keyPolicy.js';
import { thumbprintMembers } from '../../../src/keys/publicJwk.js';
import { ServiceUnavailable } from '../../../src/errors/errors.js';
import { FileKeyStore } from '../../../src/stores/file/FileKeyStore.js';
import { RedisConnection } from '../../../src/stores/redis/RedisConnection.js';
import { RedisKeyStore } from '../../../src/stores/redis/RedisKeyStore.js';
import { closeRedis } from '../../../src/stores/redis/redisStoresModule.js';
import { signJwt } from '../../../src/tokens/signJwt.js';
import { FakeClock } from '../../support/FakeClock.js';
import { killHard, listening, startServer } from '../../support/durabilityServer.js';
import { PROCESS_AUDIENCE, PROCESS_ISSUER, runCli, walletAccessToken } from '../../support/keyProcesses.js';
import { AUDIENCE, ISSUER, kidOf, testPolicy, tokenFrom, verifyWith } from '../../support/keyStores.js';
import { RecordingLogger } from '../../support/RecordingLogger.js';
import {
  RedisServerProcess, describeWithRedis, describeWithRedisServer, dropAndClose, openTestConnection, testPrefix,
} from '../../support/redis.js';
import { writeServerConfig } from '../../support/serverConfig.js';
import { keyStoreContract } from '../keyStore.contract.js';

const LEAD_MS = 600_000;
const WINDOW_MS = 3_600_000;
const REFRESH_MS = 10_000;
const NO_DISCOVERY = { PICO_BOOT_AUTO_PLUGINS: 'false' };

function redisStore(
  connection: RedisConnection,
  clock: FakeClock,
  overrides: Partial<KeyPolicy> = {},
  logger = new RecordingLogger(),
): RedisKeyStore {
  return new RedisKeyStore(connection, { policy: testPolicy(overrides), clock, logger });
}

const hashOf = (connection: RedisConnection): string => connection.key('signing-keys');
const kidsOf = async (store: RedisKeyStore): Promise<string[]> => (await store.verificationKeys()).map((k) => k.kid);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => expect.fail('expected a rejection'), (error: unknown) => error);
}

describeWithRedis('RedisKeyStore with the shared suite', (url) => {
  keyStoreContract('RedisKeyStore', async (clock) => {
    const connection = await openTestConnection(url);
    return { store: redisStore(connection, clock), close: () => dropAndClose(connection) };
  }, { shared: true });
});

describeWithRedis('RedisKeyStore', (url) => {
  let prefix: string;
  let clock: FakeClock;
  const connections: RedisConnection[] = [];

  /** A connection on the test's prefix (one per simulated instance), closed after the test. */
  const connect = async (): Promise<RedisConnection> => {
    const connection = await openTestConnection(url, prefix);
    connections.push(connection);
    return connection;
  };

  beforeEach(() => {
    prefix = testPrefix();
    clock = new FakeClock();
  });

  afterEach(async () => {
    const [first, ...rest] = connections.splice(0);
    await Promise.all(rest.map((connection) => connection.close()));
    if (first !== undefined) await dropAndClose(first);
  });

  describe('first start', () => {
    it('when Redis holds no key, stores one record: exactly a KeyRecord with the private JWK, under its RFC 7638 thumbprint', async () => {
      const connection = await connect();

      const key = await redisStore(connection, clock).signingKey();

      const stored = await connection.client.hgetall(hashOf(connection));
      expect(Object.keys(stored)).to.deep.equal([key.kid]);
      const record = JSON.parse(stored[key.kid]!) as Record<string, unknown>;
      const now = Math.floor(clock.now() / 1000);
      expect(Object.keys(record).sort()).to.deep.equal(['activates_at', 'alg', 'created_at', 'format', 'jwk', 'kid', 'sequence']);
      expect(record).to.deep.include({ format: KEY_RECORD_FORMAT, kid: key.kid, alg: 'RS256', created_at: now, activates_at: now, sequence: 0 });
      const jwk = record['jwk'] as JWK;
      expect(jwk.d, 'private member').to.be.a('string');
      expect(await calculateJwkThumbprint(thumbprintMembers(jwk)!, 'sha256')).to.equal(key.kid);
    });

    it('when a new store opens the same prefix (a restart), signs with the same kid and validates earlier tokens', async () => {
      const token = await tokenFrom(redisStore(await connect(), clock), clock);

      const after = redisStore(await connect(), clock);

      expect((await after.signingKey()).kid).to.equal(kidOf(token));
      expect((await verifyWith(after, clock, token)).sub).to.equal('someone');
      expect(await connections[0]!.client.hlen(hashOf(connections[0]!))).to.equal(1);
    });

    it('when six instances start at once on an empty Redis, they all end with the same single key', async () => {
      const stores = await Promise.all(Array.from({ length: 6 }, async () => redisStore(await connect(), clock)));

      const kids = (await Promise.all(stores.map((store) => store.signingKey()))).map((key) => key.kid);

      expect(new Set(kids).size, kids.join(' ')).to.equal(1);
      expect(await connections[0]!.client.hkeys(hashOf(connections[0]!))).to.deep.equal([kids[0]]);
    });

    it('when the configured algorithm differs from the newest key, three instances at once publish one key of it ahead of signing', async () => {
      const rsa = redisStore(await connect(), clock);
      const oldToken = await tokenFrom(rsa, clock);
      const ec = await Promise.all(Array.from({ length: 3 }, async () => redisStore(await connect(), clock, { algorithm: 'ES256' })));

      const keys = await Promise.all(ec.map((store) => store.verificationKeys()));

      for (const published of keys) expect(published.map((k) => k.alg)).to.deep.equal(['RS256', 'ES256']);
      expect(new Set(keys.map((published) => published[1]!.kid)).size).to.equal(1);
      expect(await connections[0]!.client.hlen(hashOf(connections[0]!))).to.equal(2);
      expect((await ec[0]!.signingKey()).alg).to.equal('RS256');
      clock.advance(LEAD_MS);
      expect((await ec[0]!.signingKey()).alg).to.equal('ES256');
      expect((await verifyWith(ec[1]!, clock, oldToken)).sub).to.equal('someone');
    });
  });

  describe('rotation', () => {
    it('when rotated, publishes the new key at once but keeps signing with the old one until the lead time passes; both tokens validate', async () => {
      const store = redisStore(await connect(), clock);
      const oldToken = await tokenFrom(store, clock, 'before');

      const { key } = await store.rotate();

      expect(await kidsOf(store)).to.deep.equal([kidOf(oldToken), key.key.kid]);
      clock.advance(LEAD_MS - 1000);
      expect(kidOf(await tokenFrom(store, clock))).to.equal(kidOf(oldToken));
      clock.advance(1000);
      const newToken = await tokenFrom(store, clock, 'after');
      expect(kidOf(newToken)).to.equal(key.key.kid);
      expect((await verifyWith(store, clock, oldToken)).sub).to.equal('before');
      expect((await verifyWith(store, clock, newToken)).sub).to.equal('after');
    });

    it('when another instance rotates, picks the new key up at the next refresh interval, not before, and signs with it on time', async () => {
      const server = redisStore(await connect(), clock);
      const oldKid = (await server.signingKey()).kid;
      const cli = redisStore(await connect(), clock);

      const { key } = await cli.rotate();

      clock.advance(REFRESH_MS - 1000);
      expect(await kidsOf(server)).to.deep.equal([oldKid]);
      clock.advance(1000);
      expect(await kidsOf(server)).to.deep.equal([oldKid, key.key.kid]);
      expect((await server.signingKey()).kid).to.equal(oldKid);
      clock.advance(LEAD_MS);
      expect((await server.signingKey()).kid).to.equal(key.key.kid);
    });

    it('when two instances rotate at once, both keys are stored with distinct sequences and the first record is unchanged', async () => {
      const [a, b] = [redisStore(await connect(), clock), redisStore(await connect(), clock)];
      const first = (await a.signingKey()).kid;
      await b.signingKey();
      const hash = hashOf(connections[0]!);
      const firstRecord = await connections[0]!.client.hget(hash, first);

      const [ra, rb] = await Promise.all([a.rotate(), b.rotate()]);

      expect(ra.key.key.kid).not.to.equal(rb.key.key.kid);
      expect(await connections[0]!.client.hlen(hash)).to.equal(3);
      expect(new Set([ra.key.sequence, rb.key.sequence])).to.deep.equal(new Set([1, 2]));
      expect(await connections[0]!.client.hget(hash, first)).to.equal(firstRecord);
    });

    it('when the retirement window has passed, the old key leaves the set (its token refused) and the next rotate deletes its record', async () => {
      const store = redisStore(await connect(), clock);
      const reader = redisStore(await connect(), clock);
      const iat = Math.floor(clock.now() / 1000);
      // A token outliving the window (only a misconfiguration could mint one): refused once its key is gone.
      const oldToken = await signJwt(
        { sub: 'someone', role: 'wallet', iss: ISSUER, aud: AUDIENCE, iat, exp: iat + 86_400, jti: 'lingering' },
        await store.signingKey(),
      );
      const oldKid = kidOf(oldToken);
      const { key } = await store.rotate();
      clock.advance(LEAD_MS + WINDOW_MS - 1000);
      expect((await verifyWith(reader, clock, oldToken)).sub).to.equal('someone');

      clock.advance(1000);

      expect(await kidsOf(reader)).to.deep.equal([key.key.kid]);
      const reason = await verifyWith(reader, clock, oldToken).then(() => 'accepted', (error: Error) => error.message);
      expect(reason).to.equal('unknown kid');
      const third = await store.rotate();
      expect(third.pruned).to.deep.equal([oldKid]);
      expect(await connections[0]!.client.hexists(hashOf(connections[0]!), oldKid)).to.equal(0);
      expect(await connections[0]!.client.hkeys(hashOf(connections[0]!))).to.have.members([key.key.kid, third.key.key.kid]);
    });
  });

  describe('reading', () => {
    it('between refreshes, answers from memory without a Redis round trip', async () => {
      const connection = await connect();
      const store = redisStore(connection, clock);
      await store.signingKey();
      let commands = 0;
      const monitor = await connection.client.monitor();
      // Round trips on our keys; commands a Lua script runs inside Redis come with source "lua".
      monitor.on('monitor', (_time: string, args: string[], source: string) => {
        if (source !== 'lua' && args.some((arg) => arg.startsWith(prefix))) commands += 1;
      });
      try {
        for (let i = 0; i < 50; i += 1) {
          await store.signingKey();
          await store.verificationKeys();
          clock.advance(100);
        }
        await connection.client.ping(); // MONITOR delivers in order: anything sent before has arrived
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(commands).to.equal(0);
        clock.advance(REFRESH_MS);
        await store.signingKey();
        await connection.client.ping();
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(commands).to.equal(1);
      } finally {
        monitor.disconnect();
      }
    });

    it('when a record is malformed or stored under another kid, skips it with a warning and keeps the good key', async () => {
      const connection = await connect();
      const good = await redisStore(connection, clock).signingKey();
      const hash = hashOf(connection);
      const goodRecord = (await connection.client.hget(hash, good.kid))!;
      const fakeKid = 'A'.repeat(43);
      await connection.client.hset(hash, fakeKid, goodRecord, 'B'.repeat(43), '{"format": "torn');
      const logger = new RecordingLogger();

      const keys = await redisStore(connection, clock, {}, logger).verificationKeys();

      expect(keys.map((k) => k.kid)).to.deep.equal([good.kid]);
      const warnings = logger.lines.filter((line) => line.level === 'warn').map((line) => line.message);
      expect(warnings.some((w) => w.includes(fakeKid) && w.includes('not the one it is stored under'))).to.equal(true);
      expect(warnings.some((w) => w.includes('B'.repeat(43)))).to.equal(true);
    });

    it('when Redis holds no key, statuses() lists nothing and creates nothing', async () => {
      const connection = await connect();

      expect(await redisStore(connection, clock).statuses()).to.deep.equal([]);
      expect(await connection.client.exists(hashOf(connection))).to.equal(0);
    });

    it('when the keys vanish from Redis (flushed), a running instance writes its records back and a new instance adopts them', async () => {
      const connection = await connect();
      const logger = new RecordingLogger();
      const running = redisStore(connection, clock, {}, logger);
      const kid = (await running.signingKey()).kid;
      const record = await connection.client.hget(hashOf(connection), kid);
      await connection.client.del(hashOf(connection), connection.key('signing-keys', 'version'));

      clock.advance(REFRESH_MS);
      expect((await running.signingKey()).kid).to.equal(kid);

      expect(await connection.client.hget(hashOf(connection), kid)).to.equal(record);
      expect(logger.lines.some((line) => line.level === 'warn' && line.message.includes('wrote back'))).to.equal(true);
      expect((await redisStore(await connect(), clock).signingKey()).kid).to.equal(kid);
    });
  });

  describe('wiring', () => {
    const loggerModule = (logger: RecordingLogger): ContainerModule =>
      new ContainerModule((bind) => void bind(TYPES.Logger).toConstantValue(logger));

    it('when redis.key_store is true, TYPES.KeyStore is the Redis store (and an unused key_directory is warned about)', async () => {
      const logger = new RecordingLogger();
      const container = await init({
        modules: [loggerModule(logger), serverAuthModule],
        config: { server_auth: { key_directory: '/nonexistent/keys' }, redis: { url, key_prefix: prefix, key_store: true } },
        env: NO_DISCOVERY,
      });
      try {
        const store = container.get(TYPES.KeyStore);
        expect(store).to.be.instanceOf(RedisKeyStore);
        const kid = (await store.signingKey()).kid;
        const connection = container.get(TYPES.RedisConnection);
        expect(await connection.client.hkeys(hashOf(connection))).to.deep.equal([kid]);
        expect(logger.lines.some((line) => line.level === 'warn' && line.message.includes('key_directory is not used'))).to.equal(true);
      } finally {
        await dropAndClose(container.get(TYPES.RedisConnection), prefix);
      }
    });

    it('when redis.key_store is left out, the keys stay in key_directory', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pico-redis-keys-'));
      const container = await init({
        modules: [loggerModule(new RecordingLogger()), serverAuthModule],
        config: { server_auth: { key_directory: join(dir, 'keys') }, redis: { url, key_prefix: prefix } },
        env: NO_DISCOVERY,
      });
      try {
        expect(container.get(TYPES.KeyStore)).to.be.instanceOf(FileKeyStore);
      } finally {
        await closeRedis(container);
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('when keys rotate runs with redis.key_store, publishes the key in Redis, and keys list shows it pending', async function () {
      this.timeout(60_000);
      const connection = await connect();
      const oldKid = (await redisStore(connection, new FakeClock(Date.now())).signingKey()).kid;
      const dir = mkdtempSync(join(tmpdir(), 'pico-redis-cli-'));
      try {
        const config = writeServerConfig(dir, {
          server_auth: { issuer: 'http://127.0.0.1', key_directory: join(dir, 'unused') },
          redis: { url, key_prefix: prefix, key_store: true },
        });

        const rotated = await runCli(['keys', 'rotate', '--config', config]);

        expect(rotated.code, rotated.stderr).to.equal(0);
        const newKid = /published key ([A-Za-z0-9_-]{43}) \(RS256\) in Redis at /.exec(rotated.stdout)?.[1];
        expect(newKid, rotated.stdout).to.be.a('string');
        expect(await connection.client.hkeys(hashOf(connection))).to.have.members([oldKid, newKid]);
        const listed = await runCli(['keys', 'list', '--config', config]);
        expect(listed.stdout).to.match(new RegExp(`${oldKid}\\s+RS256\\s+active`));
        expect(listed.stdout).to.match(new RegExp(`${newKid}\\s+RS256\\s+pending`));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('when two real servers start at once with key_store and no key directory, they share one key and accept each other\'s tokens', async function () {
      this.timeout(60_000);
      const connection = await connect();
      const dir = mkdtempSync(join(tmpdir(), 'pico-redis-servers-'));
      const config = writeServerConfig(dir, {
        server_auth: { issuer: PROCESS_ISSUER, audience: PROCESS_AUDIENCE, key_directory: '' },
        redis: { url, key_prefix: prefix, key_store: true },
      });
      const servers = [startServer(config), startServer(config)];
      try {
        const [a, b] = [await listening(servers[0]!), await listening(servers[1]!)];

        const kids = await connection.client.hkeys(hashOf(connection));
        expect(kids).to.have.length(1);
        const fromA = await walletAccessToken(a);
        expect(decodeProtectedHeader(fromA).kid).to.equal(kids[0]);
        const jwksOfB = createRemoteJWKSet(new URL(`${b}/api/v1/auth/jwks`));
        const { payload } = await jwtVerify(fromA, jwksOfB, { issuer: PROCESS_ISSUER, audience: PROCESS_AUDIENCE });
        expect(payload.sub).to.equal(decodeJwt(fromA).sub);
      } finally {
        await Promise.all(servers.map((server) => killHard(server).catch(() => undefined)));
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

describeWithRedisServer('RedisKeyStore while Redis is away', () => {
  let server: RedisServerProcess;
  let connection: RedisConnection;
  let clock: FakeClock;
  let logger: RecordingLogger;

  beforeEach(async () => {
    server = await RedisServerProcess.start(); // no persistence: a restart comes back empty
    clock = new FakeClock();
    logger = new RecordingLogger();
    connection = new RedisConnection({ url: server.url, keyPrefix: testPrefix(), commandTimeoutMs: 300, logger: new RecordingLogger() });
    await connection.connect();
  });

  afterEach(async () => {
    await connection.close();
    await server.stop('SIGKILL');
  });

  it('when Redis stops, keeps signing and verifying from memory on the clock\'s schedule, logs once, and refuses to rotate with 503', async () => {
    const store = redisStore(connection, clock, {}, logger);
    const oldToken = await tokenFrom(store, clock, 'before');
    const { key } = await redisStore(connection, clock).rotate(); // another instance
    clock.advance(REFRESH_MS);
    expect(await kidsOf(store)).to.deep.equal([kidOf(oldToken), key.key.kid]);

    await server.stop('SIGKILL');

    for (let i = 0; i < 3; i += 1) {
      clock.advance(REFRESH_MS);
      expect((await store.signingKey()).kid).to.equal(kidOf(oldToken));
      expect((await verifyWith(store, clock, oldToken)).sub).to.equal('before');
    }
    clock.advance(LEAD_MS);
    const newToken = await tokenFrom(store, clock, 'after');
    expect(kidOf(newToken)).to.equal(key.key.kid);
    expect((await verifyWith(store, clock, newToken)).sub).to.equal('after');
    const warnings = logger.lines.filter((line) => line.level === 'warn');
    expect(warnings, JSON.stringify(warnings)).to.have.length(1);
    expect(warnings[0]!.message).to.contain('signing and verifying with the 2 key(s) held in memory');
    const refused = await rejection(store.rotate());
    expect(refused).to.be.instanceOf(ServiceUnavailable);
    expect((refused as Error).message).to.equal('store unavailable: key store: Redis is unreachable, retry later');
  });

  it('when Redis comes back empty, the running instance writes its keys back, so a new instance signs with the same kid', async () => {
    const store = redisStore(connection, clock, {}, logger);
    const kid = (await store.signingKey()).kid;
    await server.stop('SIGKILL');
    clock.advance(REFRESH_MS);
    await store.signingKey();

    await server.restart();
    await connection.connect();
    clock.advance(REFRESH_MS);

    expect((await store.signingKey()).kid).to.equal(kid);
    expect(logger.lines.some((line) => line.message.includes(`reading Redis at ${server.url}`))).to.equal(true);
    expect((await redisStore(connection, clock).signingKey()).kid).to.equal(kid);
  });

  it('when Redis is down at the first read, rejects with 503 (no key made up) and succeeds once Redis is back', async () => {
    const store = redisStore(connection, clock, {}, logger);
    await server.stop('SIGKILL');

    expect(await rejection(store.signingKey())).to.be.instanceOf(ServiceUnavailable);

    await server.restart();
    await connection.connect();
    const kid = (await store.signingKey()).kid;
    expect(await connection.client.hkeys(connection.key('signing-keys'))).to.deep.equal([kid]);
  });
});
