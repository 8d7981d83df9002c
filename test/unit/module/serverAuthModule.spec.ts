/**
 * @module test/unit/module/serverAuthModule
 * `serverAuthModule` binds defaults only where nothing is bound yet (STYLE.md
 * section 3): a user's store bound before loading, or rebound after, wins;
 * without one the memory driver and the documented config apply, and the
 * development-only signing key is announced once through the bound Logger.
 */
import { expect } from 'chai';
import { Container, ContainerModule } from 'inversify';
import request from 'supertest';
import { init, MemoryChallengeStore, serverAuthModule, TYPES } from '../../../src/index.js';
import type { Authenticator, ChallengeStore, VerifiedClaims } from '../../../src/index.js';
import express from 'express';
import { RecordingLogger } from '../../support/RecordingLogger.js';

const CHALLENGE = '/api/v1/auth/challenge';
const NO_DISCOVERY = { PICO_BOOT_AUTO_PLUGINS: 'false' };
const KEY_WARNING = /signing key generated in memory/;

/** A ChallengeStore that records its calls and hands out a recognisable value. */
class RecordingChallengeStore implements ChallengeStore {
  readonly created: string[] = [];

  constructor(private readonly value: string) {}

  async create(address: string): Promise<string> {
    this.created.push(address);
    return this.value;
  }

  async validate(): Promise<boolean> {
    return false;
  }

  async cleanup(): Promise<number> {
    return 0;
  }
}

function quietLogger(logger = new RecordingLogger()): ContainerModule {
  return new ContainerModule((bind) => {
    bind(TYPES.Logger).toConstantValue(logger);
  });
}

describe('serverAuthModule', () => {
  describe('ChallengeStore binding', () => {
    it('when the user binds a store before loading the module, and asks for a challenge, uses the user store', async () => {
      const fake = new RecordingChallengeStore('user-store-challenge');
      const userModule = new ContainerModule((bind) => {
        bind(TYPES.ChallengeStore).toConstantValue(fake);
        bind(TYPES.Logger).toConstantValue(new RecordingLogger());
      });
      const container = await init({ modules: [userModule, serverAuthModule], config: {}, env: NO_DISCOVERY });

      expect(container.get(TYPES.ChallengeStore)).to.equal(fake);
      const res = await request(container.get(TYPES.App)).post(CHALLENGE).send({ address: 'alice' });

      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal({ challenge: 'user-store-challenge', ttl: 60 });
      expect(fake.created).to.deep.equal(['alice']);
    });

    it('when the user rebinds the store after loading the module, and nothing resolved it yet, uses the user store', async () => {
      const fake = new RecordingChallengeStore('rebound-challenge');
      const container = await init({ modules: [quietLogger(), serverAuthModule], config: {}, env: NO_DISCOVERY });
      container.rebind(TYPES.ChallengeStore).toConstantValue(fake);

      expect(container.get(TYPES.ChallengeStore)).to.equal(fake);
      const res = await request(container.get(TYPES.App)).post(CHALLENGE).send({ address: 'bob' });

      expect(res.status).to.equal(200);
      expect(res.body.challenge).to.equal('rebound-challenge');
      expect(fake.created).to.deep.equal(['bob']);
    });

    it('when the user binds no store, and the store is resolved, is a MemoryChallengeStore', async () => {
      const container = await init({ modules: [quietLogger(), serverAuthModule], config: {}, env: NO_DISCOVERY });

      const store = container.get(TYPES.ChallengeStore);

      expect(store).to.be.instanceOf(MemoryChallengeStore);
      expect(container.get(TYPES.ChallengeStore)).to.equal(store);
    });
  });

  describe('Authenticator binding', () => {
    /** Lets in one fixed caller, whatever the header; records the roles each route asked for. */
    class FixedAuthenticator implements Authenticator {
      readonly asked: (readonly string[])[] = [];
      readonly caller: VerifiedClaims = { sub: 'host-user', jti: 'host-jti', iat: 0, exp: 2 ** 31, role: 'operator' };
      async authenticate(): Promise<VerifiedClaims> {
        return this.caller;
      }
      async authorize(_authorization: string | undefined, roles: readonly string[]): Promise<VerifiedClaims> {
        this.asked.push(roles);
        return this.caller;
      }
    }

    it("when the user binds an Authenticator, and calls guarded routes, the routes and the host's guard use it", async () => {
      const fake = new FixedAuthenticator();
      const userModule = new ContainerModule((bind) => {
        bind(TYPES.Authenticator).toConstantValue(fake);
      });
      const container = await init({ modules: [quietLogger(), userModule, serverAuthModule], config: {}, env: NO_DISCOVERY });
      const app = container.get(TYPES.App);

      const revoked = await request(app).post('/api/v1/auth/revoke').send({ jti: 'x' });
      await request(app).get('/api/v1/auth/revoked-jtis').expect(200);
      const host = express();
      host.get('/mine', container.get(TYPES.BearerGuard).require('auditor'), (_req, res) => res.json(res.locals['auth']));
      const mine = await request(host).get('/mine').expect(200);

      expect(revoked.status).to.equal(200);
      expect(revoked.body.revoked.revoked_by).to.equal('host-user');
      expect(fake.asked).to.deep.equal([['operator'], ['service', 'operator'], ['auditor']]);
      expect(mine.body.sub).to.equal('host-user');
    });
  });

  describe('configuration default', () => {
    it('when no config is bound, and the settings are resolved, are the documented defaults', () => {
      const container = new Container();
      container.load(quietLogger(), serverAuthModule);

      const settings = container.get(TYPES.ServerAuthSettings);

      expect(settings.issuer).to.equal('http://localhost:8100');
      expect(settings.audience).to.equal('pico');
      expect(settings.challenge_ttl_seconds).to.equal(60);
      expect(container.get(TYPES.PicoConfig).server_auth).to.equal(settings);
    });

    it('when no config is bound, and code tries to change a setting, refuses because it is deep-frozen', () => {
      const container = new Container();
      container.load(quietLogger(), serverAuthModule);

      const settings = container.get(TYPES.ServerAuthSettings);

      expect(Object.isFrozen(settings)).to.equal(true);
      expect(Object.isFrozen(settings.supported_wallet_algorithms)).to.equal(true);
      expect(() => {
        (settings as { issuer: string }).issuer = 'http://evil.test';
      }).to.throw(TypeError);
      expect(settings.issuer).to.equal('http://localhost:8100');
    });
  });

  describe('in-memory signing key warning', () => {
    it('when the KeyStore is not resolved yet, and the module is loaded, logs nothing', () => {
      const logger = new RecordingLogger();
      const container = new Container();
      container.load(quietLogger(logger), serverAuthModule);

      container.get(TYPES.ChallengeStore);

      expect(logger.lines.filter((line) => KEY_WARNING.test(line.message))).to.have.length(0);
    });

    it('when the KeyStore is resolved several times, and through the TokenIssuer, warns once through TYPES.Logger', async () => {
      const logger = new RecordingLogger();
      const container = new Container();
      container.load(quietLogger(logger), serverAuthModule);

      container.get(TYPES.KeyStore);
      container.get(TYPES.KeyStore);
      await container.get(TYPES.TokenIssuer).jwks();

      const warnings = logger.lines.filter((line) => KEY_WARNING.test(line.message));
      expect(warnings).to.have.length(1);
      expect(warnings[0]!.level).to.equal('warn');
    });
  });
});
