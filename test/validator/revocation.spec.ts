/**
 * @module test/validator/revocation
 * The validator's revocation poller against the real server: a token revoked
 * through `POST /revoke` is refused within one poll interval; an idle feed
 * answers 304 to the poller's `If-None-Match`; when the server is gone, the
 * validator fails closed once the feed is older than `maxStalenessSeconds`
 * (and `fail-open` keeps the last known set).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import { decodeJwt } from 'jose';
import { createValidator, InvalidTokenError, ValidatorUnavailableError, type Validator, type ValidatorFetch } from '../../src/validator/index.js';
import { walletAccessToken } from '../support/keyProcesses.js';
import {
  AUTH, countingFetch, fakeClock, ISSUER_AUDIENCE, mintServiceToken, revoke, startIssuer, type Issuer,
} from './issuerProcess.js';

const FEED_PATH = `${AUTH}/revoked-jtis`;
const POLL_SECONDS = 1;

const outcome = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => 'accepted', (error: unknown) => error);

describe('validator revocation feed (real server)', function () {
  this.timeout(60_000);
  let issuer: Issuer;
  let serviceToken: string;
  const validators: Validator[] = [];

  before(async () => {
    issuer = await startIssuer();
    serviceToken = await mintServiceToken(issuer.config);
  });
  after(async () => {
    await Promise.all(validators.map((validator) => validator.close()));
    await issuer?.stop();
  });

  const make = (extra: { onUnreachable?: 'fail-open'; now?: () => number; fetch?: ValidatorFetch } = {}): Validator => {
    const { onUnreachable, ...rest } = extra;
    const validator = createValidator({
      issuer: issuer.base,
      audience: ISSUER_AUDIENCE,
      revocation: { serviceToken, pollIntervalSeconds: POLL_SECONDS, ...(onUnreachable === undefined ? {} : { onUnreachable }) },
      ...rest,
    });
    validators.push(validator);
    return validator;
  };

  it('when a token is revoked on the server, refuses it within one poll interval', async () => {
    const counting = countingFetch();
    const validator = make({ fetch: counting.fetch });
    const token = await walletAccessToken(issuer.base);
    const bystander = await walletAccessToken(issuer.base);
    expect((await validator.verify(token)).role).to.equal('wallet');

    await revoke(issuer.base, decodeJwt(token).jti!);
    const revokedAt = Date.now();
    let result = await outcome(validator.verify(token));
    while (result === 'accepted' && Date.now() - revokedAt < 3 * POLL_SECONDS * 1000) {
      await sleep(50);
      result = await outcome(validator.verify(token));
    }
    const took = Date.now() - revokedAt;

    expect(result).to.be.instanceOf(InvalidTokenError);
    expect(result).to.include({ reason: 'revoked', message: 'token revoked', status: 401 });
    // One interval plus the request itself on a loaded machine.
    expect(took).to.be.at.most(POLL_SECONDS * 1000 + 750);
    expect((await validator.verify(bystander)).role).to.equal('wallet');
    // Later polls carry `since` and the ETag; the unchanged feed answers 304.
    await sleep(POLL_SECONDS * 1000 + 200);
    const polls = counting.log.filter((record) => record.path === FEED_PATH);
    expect(polls.some((record) => record.status === 304 && record.ifNoneMatch !== undefined)).to.equal(true);
  });

  it('when the feed becomes unreachable, fails closed after maxStalenessSeconds (fail-open keeps accepting)', async () => {
    const clock = fakeClock();
    const closed = make({ now: clock.now });
    const open = make({ now: clock.now, onUnreachable: 'fail-open' });
    const token = await walletAccessToken(issuer.base);
    expect((await closed.verify(token)).role).to.equal('wallet');
    expect((await open.verify(token)).role).to.equal('wallet');

    await issuer.stop();
    // Still within the staleness window (default 4 poll intervals): the last known set holds.
    expect((await closed.verify(token)).role).to.equal('wallet');
    clock.advance(4 * POLL_SECONDS + 1);

    const refused = await outcome(closed.verify(token));
    expect(refused).to.be.instanceOf(ValidatorUnavailableError);
    expect(refused).to.include({ reason: 'revocation_stale', status: 503, code: 'ERR_SERVICE_UNAVAILABLE' });
    expect((await open.verify(token)).role).to.equal('wallet');
  });
});
