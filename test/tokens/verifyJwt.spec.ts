/**
 * @module test/tokens/verifyJwt
 * signJwt/verifyJwt, the one seam every token passes, for each algorithm:
 * round trip, the header, a tampered payload, algorithm confusion between
 * our own algorithms, and the claim rules shared by jose and ML-DSA tokens.
 */
import { expect } from 'chai';
import type { JWTPayload } from 'jose';
import { InvalidToken } from '../../src/errors/errors.js';
import type { SigningKey } from '../../src/stores/KeyStore.js';
import { MemoryKeyStore } from '../../src/stores/memory/MemoryKeyStore.js';
import { signJwt } from '../../src/tokens/signJwt.js';
import { TOKEN_ALGORITHMS } from '../../src/tokens/TokenAlgorithm.js';
import { verifyJwt } from '../../src/tokens/verifyJwt.js';

const NOW = Date.UTC(2026, 0, 1);
const OPTIONS = { issuer: 'http://issuer.test', audience: 'pico-test', now: NOW };
const iat = Math.floor(NOW / 1000);
const CLAIMS = { sub: 'alice', role: 'wallet', iss: OPTIONS.issuer, aud: OPTIONS.audience, iat, exp: iat + 60, jti: 'j1' };

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const parts = (token: string): [string, string, string] => token.split('.') as [string, string, string];
const decode = (part: string): Record<string, unknown> => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

async function reason(token: string, keys: readonly SigningKey[], options = OPTIONS): Promise<string> {
  try {
    await verifyJwt(token, keys, options);
  } catch (error) {
    expect(error).to.be.instanceOf(InvalidToken);
    return (error as Error).message;
  }
  return 'accepted';
}

const keys = new Map<string, SigningKey>();
before(async function () {
  this.timeout(60_000);
  for (const alg of TOKEN_ALGORITHMS) keys.set(alg, await new MemoryKeyStore(alg).signingKey());
});

describe('signJwt() then verifyJwt()', () => {
  for (const alg of TOKEN_ALGORITHMS) {
    describe(`with an ${alg} key`, () => {
      const key = (): SigningKey => keys.get(alg)!;
      const sign = (claims: JWTPayload = CLAIMS): Promise<string> => signJwt(claims, key());

      it('when the token is intact, returns its claims; the header is {alg, kid, typ: JWT}', async () => {
        const token = await sign();
        expect(await verifyJwt(token, [key()], OPTIONS)).to.deep.equal(CLAIMS);
        expect(decode(parts(token)[0])).to.deep.equal({ alg, kid: key().kid, typ: 'JWT' });
      });

      it('when the payload is changed, refuses the signature', async () => {
        const [header, , signature] = parts(await sign());
        expect(await reason(`${header}.${b64({ ...CLAIMS, sub: 'mallory' })}.${signature}`, [key()])).to.equal(
          'signature verification failed',
        );
      });

      it('when the header names another of our algorithms for this kid, refuses it', async () => {
        const [header, payload, signature] = parts(await sign());
        const other = alg === 'RS256' ? 'ES256' : 'RS256';
        expect(await reason(`${b64({ ...decode(header), alg: other })}.${payload}.${signature}`, [key()])).to.equal(
          'algorithm not allowed',
        );
      });

      it('when the kid is not among the keys, refuses it', async () => {
        const others = [...keys.values()].filter((k) => k.alg !== alg);
        expect(await reason(await sign(), others)).to.equal('unknown kid');
      });

      it('when now reaches exp, refuses it as expired', async () => {
        const token = await sign();
        expect(await reason(token, [key()], { ...OPTIONS, now: NOW + 59_999 })).to.equal('accepted');
        expect(await reason(token, [key()], { ...OPTIONS, now: NOW + 60_000 })).to.equal('token expired');
      });

      it('when iss, aud or role is wrong or missing, names the claim', async () => {
        expect(await reason(await sign({ ...CLAIMS, iss: 'http://evil.test' }), [key()])).to.equal('iss claim invalid');
        expect(await reason(await sign({ ...CLAIMS, aud: 'other' }), [key()])).to.equal('aud claim invalid');
        expect(await reason(await sign({ ...CLAIMS, aud: ['other', 'pico-test'] }), [key()])).to.equal('accepted');
        const { role: _role, ...noRole } = CLAIMS;
        expect(await reason(await sign(noRole), [key()])).to.equal('role claim invalid');
        const { jti: _jti, ...noJti } = CLAIMS;
        expect(await reason(await sign(noJti), [key()])).to.equal('jti claim invalid');
      });
    });
  }
});

describe('verifyJwt() with a malformed token', () => {
  const mlDsa = (): SigningKey => keys.get('ML-DSA-65')!;

  it('when a part is not canonical base64url, or the token has two parts, refuses it as malformed', async () => {
    const [header, payload, signature] = parts(await signJwt(CLAIMS, mlDsa()));
    expect(await reason(`${header}.${payload}.${signature}=`, [mlDsa()])).to.equal('malformed token');
    expect(await reason(`${header}.${payload}.${signature.slice(0, -1)}+`, [mlDsa()])).to.equal('malformed token');
    expect(await reason(`${header}.${payload}`, [mlDsa()])).to.equal('malformed token');
  });

  it('when the header carries crit, refuses it (no extension is understood)', async () => {
    const [header, payload, signature] = parts(await signJwt(CLAIMS, mlDsa()));
    const crit = b64({ ...decode(header), crit: ['exp'] });
    expect(await reason(`${crit}.${payload}.${signature}`, [mlDsa()])).to.equal('malformed token');
  });

  it('when an ML-DSA signature is cut short, refuses the signature', async () => {
    const [header, payload, signature] = parts(await signJwt(CLAIMS, mlDsa()));
    const short = Buffer.from(signature, 'base64url').subarray(0, 3308).toString('base64url');
    expect(await reason(`${header}.${payload}.${short}`, [mlDsa()])).to.equal('signature verification failed');
  });
});
