/**
 * @module test/unit/guard/BearerAuthenticator
 * The default Authenticator, without Express or a container: header parsing,
 * the reasons it refuses a token (as typed errors with the contract's
 * details), revocation checked on every call, and the role check.
 */
import { expect } from 'chai';
import { Forbidden, InvalidToken, TokenExpired } from '../../../src/errors/errors.js';
import { BearerAuthenticator } from '../../../src/guard/BearerAuthenticator.js';
import { MemoryRevocationStore } from '../../../src/stores/memory/MemoryRevocationStore.js';
import type { TokenVerifier } from '../../../src/tokens/TokenVerifier.js';
import type { VerifiedClaims } from '../../../src/tokens/verifyJwt.js';
import { FakeClock } from '../../support/FakeClock.js';

const NOW = 1_700_000_000_000;
const claims = (overrides: Partial<VerifiedClaims> = {}): VerifiedClaims => ({
  sub: 'alice',
  jti: 'j-1',
  iat: NOW / 1000,
  exp: NOW / 1000 + 600,
  role: 'operator',
  ...overrides,
});

/** Accepts `good.token` (and counts the checks); anything else fails as the real verifier would. */
class FakeVerifier implements TokenVerifier {
  calls = 0;
  constructor(private readonly tokens: Readonly<Record<string, VerifiedClaims | Error>>) {}
  async verify(token: string): Promise<VerifiedClaims> {
    this.calls += 1;
    const outcome = this.tokens[token] ?? new InvalidToken('malformed token');
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }
  async verifyRefresh(): Promise<VerifiedClaims> {
    throw new InvalidToken('the authenticator never verifies refresh tokens');
  }
}

async function refusal(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

describe('BearerAuthenticator', () => {
  let verifier: FakeVerifier;
  let revocations: MemoryRevocationStore;
  let authenticator: BearerAuthenticator;
  beforeEach(() => {
    verifier = new FakeVerifier({
      'good.token': claims(),
      'refresh.token': claims({ type: 'refresh', jti: 'r-1' }),
      'old.token': new TokenExpired(),
    });
    revocations = new MemoryRevocationStore();
    authenticator = new BearerAuthenticator(verifier, revocations, new FakeClock(NOW));
  });

  describe('authenticate()', () => {
    it('when the header is missing, empty or not Bearer, refuses without verifying anything', async () => {
      for (const [header, detail] of [
        [undefined, 'missing bearer token'],
        ['', 'missing bearer token'],
        ['Basic YWRtaW46YWRtaW4=', 'invalid authorization header: expected Bearer <token>'],
        ['Bearer', 'invalid authorization header: expected Bearer <token>'],
      ] as const) {
        const error = await refusal(authenticator.authenticate(header));
        expect(error).to.be.instanceOf(InvalidToken);
        expect(error.message).to.equal(detail);
      }
      expect(verifier.calls).to.equal(0);
    });

    it('when the token is valid, answers its claims, and verifies the same token string once', async () => {
      expect(await authenticator.authenticate('Bearer good.token')).to.deep.equal(claims());
      expect(await authenticator.authenticate('bearer   good.token ')).to.deep.equal(claims());
      expect(verifier.calls).to.equal(1);
    });

    it("when the verifier refuses, prefixes its reason, keeping it as the cause", async () => {
      const bad = await refusal(authenticator.authenticate('Bearer bad.token'));
      expect(bad.message).to.equal('invalid token: malformed token');
      const expired = await refusal(authenticator.authenticate('Bearer old.token'));
      expect(expired).to.be.instanceOf(InvalidToken);
      expect(expired.message).to.equal('invalid token: token expired');
      expect(expired.cause).to.be.instanceOf(TokenExpired);
    });

    it('when the token is a refresh token, or revoked after it was accepted, refuses it', async () => {
      expect((await refusal(authenticator.authenticate('Bearer refresh.token'))).message).to.equal(
        'invalid token: refresh tokens are not accepted here',
      );
      await authenticator.authenticate('Bearer good.token');
      await revocations.revoke({ jti: 'j-1', revoked_at: 0, reason: null, revoked_by: 'x' });
      expect((await refusal(authenticator.authenticate('Bearer good.token'))).message).to.equal('token revoked');
    });
  });

  describe('authorize()', () => {
    it('when the role is one of those asked, answers the claims; otherwise 403 naming the roles', async () => {
      expect((await authenticator.authorize('Bearer good.token', ['auditor', 'operator'])).sub).to.equal('alice');
      const error = await refusal(authenticator.authorize('Bearer good.token', ['service', 'root']));
      expect(error).to.be.instanceOf(Forbidden);
      expect(error.message).to.equal("Requires one of roles: ['service', 'root']");
    });
  });
});
