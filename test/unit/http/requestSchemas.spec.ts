/**
 * @module test/unit/http/requestSchemas
 * The request parsers of `src/http/schemas/`: what each accepts and the typed
 * input it hands the service, the contract detail each failure gives (in the
 * contract's order when several fields are wrong), and that the schemas are
 * ready to be published (a description on the schema and on every member)
 * and compiled once, not per request.
 */
import { expect } from 'chai';
import { InvalidRequest } from '../../../src/errors/errors.js';
import { challengeRequest } from '../../../src/http/schemas/challengeRequest.js';
import { fleetSessionRequest } from '../../../src/http/schemas/fleetSessionRequest.js';
import { loginRequest } from '../../../src/http/schemas/loginRequest.js';
import { mintsQuery } from '../../../src/http/schemas/mintsQuery.js';
import { refreshRequest } from '../../../src/http/schemas/refreshRequest.js';
import { requestSchemas } from '../../../src/http/schemas/requestSchemas.js';
import { revokedJtisQuery } from '../../../src/http/schemas/revokedJtisQuery.js';
import { revokeRequest } from '../../../src/http/schemas/revokeRequest.js';
import { signInRequest } from '../../../src/http/schemas/signInRequest.js';
import { requestAjv } from '../../../src/http/validation/requestAjv.js';
import type { RequestParser } from '../../../src/http/validation/requestParser.js';

function detailOf(parser: RequestParser<unknown>, value: unknown): string {
  try {
    parser.parse(value);
  } catch (error) {
    expect(error).to.be.instanceOf(InvalidRequest);
    return (error as InvalidRequest).message;
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

function rejects(parser: RequestParser<unknown>, cases: readonly [unknown, string][]): void {
  for (const [value, detail] of cases) {
    expect(detailOf(parser, value), JSON.stringify(value)).to.equal(detail);
  }
}

const NOT_OBJECT = 'request body must be a JSON object';
const SIGN_IN = { address: 'a', public_key: 'ab', signature: 'cd', challenge: 'c' };

describe('http/schemas', () => {
  describe('every body parser', () => {
    it('when the body is not a JSON object, answers the one contract detail', () => {
      for (const parser of [challengeRequest, signInRequest, loginRequest, refreshRequest, fleetSessionRequest, revokeRequest]) {
        rejects(parser, [[null, NOT_OBJECT], [[1, 2], NOT_OBJECT], ['abc', NOT_OBJECT], [17, NOT_OBJECT]]);
      }
    });
  });

  describe('challengeRequest', () => {
    it('when the address is missing, null, empty, not a string or too long, answers in that order', () => {
      rejects(challengeRequest, [
        [{}, 'address required'],
        [{ address: null }, 'address required'],
        [{ address: '' }, 'address required'],
        [{ address: 42 }, 'address must be a string'],
        [{ address: [] }, 'address must be a string'],
        [{ address: 'a'.repeat(4097) }, 'address must be at most 4096 characters'],
      ]);
    });

    it('when valid, and other members are sent, hands over only the address', () => {
      expect(challengeRequest.parse({ address: 'a'.repeat(4096), pad: 1 })).to.deep.equal({ address: 'a'.repeat(4096) });
    });
  });

  describe('signInRequest', () => {
    it('when fields are missing and others of the wrong type, names the missing ones first', () => {
      rejects(signInRequest, [
        [{ ...SIGN_IN, address: 1, challenge: null }, 'address, public_key, signature, and challenge required'],
        [{ ...SIGN_IN, signature: '' }, 'address, public_key, signature, and challenge required'],
        [{ ...SIGN_IN, signature: 12 }, 'address, public_key, signature, and challenge must be strings'],
        [{ ...SIGN_IN, signature: 12, algorithm: 1 }, 'address, public_key, signature, and challenge must be strings'],
        [{ ...SIGN_IN, algorithm: ['Ed25519'] }, 'algorithm must be a string'],
      ]);
    });

    it('when the algorithm is absent or null, defaults to ML-DSA-65; hex is left to the service', () => {
      expect(signInRequest.parse(SIGN_IN)).to.deep.equal({ ...SIGN_IN, algorithm: 'ML-DSA-65' });
      expect(signInRequest.parse({ ...SIGN_IN, algorithm: null }).algorithm).to.equal('ML-DSA-65');
      expect(signInRequest.parse({ ...SIGN_IN, public_key: 'not hex', algorithm: 'nope' })).to.include({
        public_key: 'not hex',
        algorithm: 'nope',
      });
    });
  });

  describe('loginRequest and refreshRequest', () => {
    it('when a field is missing, empty or not a string, answers the contract detail', () => {
      rejects(loginRequest, [
        [{}, 'email and password required'],
        [{ email: 'a', password: '' }, 'email and password required'],
        [{ email: 5, password: 'p' }, 'email and password required'],
      ]);
      rejects(refreshRequest, [[{}, 'refresh_token required'], [{ refresh_token: '' }, 'refresh_token required'], [{ refresh_token: 3 }, 'refresh_token required']]);
      expect(loginRequest.parse({ email: 'e', password: 'p', x: 1 })).to.deep.equal({ email: 'e', password: 'p' });
    });
  });

  describe('fleetSessionRequest', () => {
    it("when several members are wrong, answers in the endpoint's order: ids' types, then both present, then options", () => {
      rejects(fleetSessionRequest, [
        [{ session_id: 5 }, 'session_id must be a string'],
        [{ session_id: 's'.repeat(257), agent_id: 5 }, 'session_id must be at most 256 characters'],
        [{ session_id: 's', agent_id: 5 }, 'agent_id must be a string'],
        [{ session_id: '', agent_id: 'a', role: 5 }, 'session_id and agent_id required'],
        [{ session_id: null, agent_id: 'a' }, 'session_id and agent_id required'],
        [{ session_id: 's', agent_id: 'a', role: 5, scope: 5 }, 'role must be a string'],
        [{ session_id: 's', agent_id: 'a', scope: 'x'.repeat(257) }, 'scope must be at most 256 characters'],
        [{ session_id: 's', agent_id: 'a', ttl: 'long' }, 'ttl must be a number of seconds'],
      ]);
    });

    it('when options are absent or null, applies the wire defaults and leaves scope and ttl out', () => {
      expect(fleetSessionRequest.parse({ session_id: 's', agent_id: 'a', role: null, scope: null, ttl: null })).to.deep.equal({
        session_id: 's',
        agent_id: 'a',
        role: 'agent',
      });
      expect(fleetSessionRequest.parse({ session_id: 's', agent_id: 'a', role: '', scope: '', ttl: 61.5 })).to.deep.equal({
        session_id: 's',
        agent_id: 'a',
        role: '',
        scope: '',
        ttl: 61.5,
      });
    });
  });

  describe('revokeRequest', () => {
    it('when members are wrong, answers in the order jti, reason, exp', () => {
      const exp = "exp must be the token's expiry in epoch seconds";
      rejects(revokeRequest, [
        [{ jti: 5, reason: 3 }, 'jti required'],
        [{ jti: '' }, 'jti required'],
        [{ jti: 'j'.repeat(257) }, 'jti must be at most 256 characters'],
        [{ jti: 'a', reason: 3, exp: 'soon' }, 'reason must be a string'],
        [{ jti: 'a', reason: 'r'.repeat(1025) }, 'reason must be at most 1024 characters'],
        [{ jti: 'a', exp: 'soon' }, exp],
        [{ jti: 'a', exp: null }, exp],
        [{ jti: 'a', exp: 0 }, exp],
        [{ jti: 'a', exp: 1.5 }, exp],
        [{ jti: 'a', exp: 2 ** 53 }, exp],
      ]);
    });

    it('when valid, hands over reason null when absent and exp only when sent', () => {
      expect(revokeRequest.parse({ jti: 'a' })).to.deep.equal({ jti: 'a', reason: null });
      expect(revokeRequest.parse({ jti: 'a', reason: null, exp: 2 ** 53 - 1 })).to.deep.equal({ jti: 'a', reason: null, exp: 2 ** 53 - 1 });
    });
  });

  describe('query parsers', () => {
    it('mintsQuery: when limit is absent, 200; digits with spaces are read; anything else or out of 1..1000 is refused', () => {
      expect(mintsQuery.parse({})).to.deep.equal({ limit: 200 });
      expect(mintsQuery.parse({ limit: ' 5 ' })).to.deep.equal({ limit: 5 });
      expect(mintsQuery.parse({ limit: '0001000' })).to.deep.equal({ limit: 1000 });
      const detail = 'limit must be an integer from 1 to 1000';
      rejects(mintsQuery, [['0', detail], ['1001', detail], ['00000005', detail], ['5.0', detail], ['1e2', detail], ['', detail], [['1', '2'], detail]].map(
        ([limit, message]) => [{ limit }, message as string] as [unknown, string],
      ));
    });

    it('revokedJtisQuery: when since is absent, 0; up to 12 digits are read; anything else is refused', () => {
      expect(revokedJtisQuery.parse({})).to.deep.equal({ since: 0 });
      expect(revokedJtisQuery.parse({ since: ' 1700000000 ' })).to.deep.equal({ since: 1_700_000_000 });
      rejects(revokedJtisQuery, ['yesterday', '1'.repeat(13), '-1', '', { a: '1' }].map((since) => [{ since }, 'since must be epoch seconds'] as [unknown, string]));
    });
  });

  describe('requestSchemas()', () => {
    it('when asked, lists the schema of every route that reads a body or query', () => {
      expect(Object.keys(requestSchemas()).sort()).to.deep.equal([
        'GET /mints', 'GET /revoked-jtis', 'POST /challenge', 'POST /fleet/sessions',
        'POST /login', 'POST /refresh', 'POST /revoke', 'POST /sign-in',
      ]);
      expect(requestSchemas()['POST /sign-in']!.body).to.equal(signInRequest.schema);
      expect(requestSchemas()['GET /mints']!.query).to.equal(mintsQuery.schema);
    });

    it('when published, describe the request and every member', () => {
      for (const [route, { body, query }] of Object.entries(requestSchemas())) {
        const schema = body ?? query;
        expect(schema, route).to.be.an('object');
        expect(schema!['description'], route).to.be.a('string').and.not.be.empty;
        for (const [name, member] of Object.entries(schema!['properties'] as Record<string, { description?: string }>)) {
          expect(member.description, `${route} ${name}`).to.be.a('string').and.not.be.empty;
        }
      }
    });

    it('when requests are parsed, compiles nothing: every schema was compiled when its module loaded', () => {
      const compile = requestAjv.compile.bind(requestAjv);
      let compiled = 0;
      requestAjv.compile = ((...args: Parameters<typeof compile>) => {
        compiled += 1;
        return compile(...args);
      }) as typeof requestAjv.compile;
      try {
        for (let i = 0; i < 100; i += 1) {
          challengeRequest.parse({ address: 'a' });
          detailOf(signInRequest, {});
          mintsQuery.parse({ limit: '10' });
        }
      } finally {
        requestAjv.compile = compile;
      }
      expect(compiled).to.equal(0);
    });
  });
});
