/**
 * @module test/http/embedded/embedded
 * Embedded mode: a host application with its own container, its own
 * `@controller` and its own services loads `serverAuthModule` and builds the
 * app itself with `InversifyExpressServer`, installing none of our handlers.
 *
 * `@controller` adds the class to inversify-express-utils' process-wide list,
 * which every InversifyExpressServer then serves. The host controller is
 * therefore declared only while this suite runs (in `before`), is removed from
 * that list in `after`, and needs nothing from the container to be built.
 */
import express, { type Application } from 'express';
import { expect } from 'chai';
import { Container } from 'inversify';
import { BaseHttpController, controller, httpGet, InversifyExpressServer, METADATA_KEY } from 'inversify-express-utils';
import request from 'supertest';
import { authErrorHandler, loadConfig, serverAuthModule, TYPES } from '../../../src/index.js';
import { RecordingLogger } from '../../support/RecordingLogger.js';

const GREETER = Symbol.for('embedded-spec/Greeter');

interface Greeter {
  greet(): string;
}

/** Declares the host's controller; returns the class so `after` can unregister it. */
function declareHostController(): Function {
  @controller('/hello')
  class EmbeddedSpecHelloController extends BaseHttpController {
    @httpGet('/')
    hello(): { greeting: string } {
      // Resolved per request, so building this controller needs no binding.
      return { greeting: this.httpContext.container.get<Greeter>(GREETER).greet() };
    }
  }
  return EmbeddedSpecHelloController;
}

function unregisterController(target: Function): void {
  const list = (Reflect.getMetadata(METADATA_KEY.controller, Reflect) ?? []) as { target: Function }[];
  Reflect.defineMetadata(
    METADATA_KEY.controller,
    list.filter((entry) => entry.target !== target),
    Reflect,
  );
}

interface HostOptions {
  /** The host parses JSON for every route with its own express.json(). */
  readonly globalJsonParser: boolean;
}

async function buildHostApp(options: HostOptions = { globalJsonParser: true }): Promise<Application> {
  const container = new Container();
  const config = await loadConfig({ server_auth: { audience: 'embedded' } }, {});
  container.bind(TYPES.PicoConfig).toConstantValue(config);
  container.bind(TYPES.ServerAuthSettings).toConstantValue(config.server_auth);
  container.bind(TYPES.Logger).toConstantValue(new RecordingLogger());
  container.bind<Greeter>(GREETER).toConstantValue({ greet: () => 'hello from the host' });
  container.load(serverAuthModule);
  const logger = new RecordingLogger();
  return new InversifyExpressServer(container)
    .setConfig((app) => {
      if (options.globalJsonParser) app.use(express.json());
      app.post('/host-echo', (req, res) => res.json(req.body));
    })
    .setErrorConfig((app) => {
      // A host with a global parser mounts our handler before its own.
      if (options.globalJsonParser) app.use(authErrorHandler(logger));
      app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
        res.status(418).json({ handledBy: 'host' });
      });
    })
    .build();
}

describe('embedded mode', () => {
  let hostController: Function;
  let app: Application;

  before(() => {
    hostController = declareHostController();
  });

  after(() => {
    unregisterController(hostController);
  });

  beforeEach(async () => {
    app = await buildHostApp();
  });

  describe("the host's own routes", () => {
    it('when the host controller is called, and uses a host service, answers its JSON', async () => {
      const res = await request(app).get('/hello');

      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal({ greeting: 'hello from the host' });
    });
  });

  describe('POST /api/v1/auth/challenge', () => {
    it('when the body is valid, and the host parsed it already, answers 200 with a challenge', async () => {
      const res = await request(app).post('/api/v1/auth/challenge').send({ address: 'alice' });

      expect(res.status).to.equal(200);
      expect(res.body.challenge).to.match(/^[0-9a-f]{64}$/);
      expect(res.body.ttl).to.equal(60);
    });

    it('when the JSON is malformed, and the host has no global parser nor any handler of ours, answers 400 JSON', async () => {
      const bare = await buildHostApp({ globalJsonParser: false });
      const res = await request(bare)
        .post('/api/v1/auth/challenge')
        .set('Content-Type', 'application/json')
        .send('{"address": ');

      expect(res.status).to.equal(400);
      expect(res.headers['content-type']).to.match(/^application\/json/);
      expect(res.body.detail).to.equal('invalid JSON body');
    });

    it("when the host's global parser fails on our route, and the host mounted authErrorHandler, answers 400 JSON", async () => {
      const res = await request(app)
        .post('/api/v1/auth/challenge')
        .set('Content-Type', 'application/json')
        .send('{"address": ');

      expect(res.status).to.equal(400);
      expect(res.body).to.deep.equal({ detail: 'invalid JSON body', code: 'ERR_INVALID_REQUEST' });
    });

    it("when the host's parser fails on the host's own route, leaves the error to the host's handler", async () => {
      const res = await request(app).post('/host-echo').set('Content-Type', 'application/json').send('{"x": ');

      expect(res.status).to.equal(418);
      expect(res.body).to.deep.equal({ handledBy: 'host' });
    });
  });

  describe('GET /api/v1/auth/jwks', () => {
    it('when called inside the host app, answers the key set', async () => {
      const res = await request(app).get('/api/v1/auth/jwks');

      expect(res.status).to.equal(200);
      expect(res.body.keys).to.be.an('array').that.is.not.empty;
    });
  });
});
