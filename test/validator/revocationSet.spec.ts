/**
 * @module test/validator/revocationSet
 * The revocation poller's bookkeeping on fake time, against a scripted feed:
 * `since` and `If-None-Match` on every poll after the first, and the set
 * staying bounded (an entry leaves when its token's `exp` passes; one without
 * `exp` after `maxTokenLifetimeSeconds`).
 */
import { expect } from 'chai';
import { Endpoints } from '../../src/validator/Endpoints.js';
import { RevocationPoller } from '../../src/validator/RevocationPoller.js';
import { InvalidTokenError } from '../../src/validator/ValidatorError.js';
import { resolveOptions } from '../../src/validator/ValidatorOptions.js';

const FEED = 'https://auth.example.com/api/v1/auth/revoked-jtis';
const LIFETIME = 3600;

describe('validator RevocationPoller', () => {
  it('when polled on fake time, asks only for what is new and forgets entries whose token has expired', async () => {
    let nowMs = 1_800_000_000_000;
    const t = nowMs / 1000;
    const requests: { since: string | null; ifNoneMatch: string | null }[] = [];
    const items = [
      { jti: 'with-exp', revoked_at: t, reason: null, revoked_by: 'op', exp: t + 10 },
      { jti: 'without-exp', revoked_at: t, reason: null, revoked_by: 'op' },
    ];
    const options = resolveOptions({
      issuer: 'https://auth.example.com',
      audience: 'my-api',
      jwksUrl: 'https://auth.example.com/api/v1/auth/jwks',
      maxTokenLifetimeSeconds: LIFETIME,
      revocation: { serviceToken: 'svc', url: FEED, pollIntervalSeconds: 600 },
      now: () => nowMs,
      fetch: async (input, init) => {
        const headers = new Headers(init?.headers);
        requests.push({ since: new URL(input).searchParams.get('since'), ifNoneMatch: headers.get('if-none-match') });
        expect(headers.get('authorization')).to.equal('Bearer svc');
        if (headers.get('if-none-match') === '"v1"') return new Response(null, { status: 304 });
        return new Response(JSON.stringify({ items }), { headers: { etag: '"v1"' } });
      },
    });
    const poller = new RevocationPoller(options, options.revocation!, new Endpoints(options));
    try {
      const refused = await poller.check('with-exp').catch((error: unknown) => error);
      expect(refused).to.be.instanceOf(InvalidTokenError).and.to.include({ reason: 'revoked' });
      await poller.check('someone-else');
      expect(poller.size).to.equal(2);

      nowMs += 11_000;
      await poller.poll();
      expect(requests).to.deep.equal([
        { since: '0', ifNoneMatch: null },
        { since: String(t), ifNoneMatch: '"v1"' },
      ]);
      expect(poller.size, 'the entry with exp left once exp passed').to.equal(1);
      await poller.check('with-exp');
      await poller.check('without-exp').then(
        () => expect.fail('still revoked'),
        (error: unknown) => expect(error).to.be.instanceOf(InvalidTokenError),
      );

      nowMs += LIFETIME * 1000;
      await poller.poll();
      expect(poller.size, 'the entry without exp left after the lifetime bound').to.equal(0);
    } finally {
      await poller.close();
    }
  });
});
