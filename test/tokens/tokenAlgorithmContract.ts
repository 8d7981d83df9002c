/**
 * @module test/tokens/tokenAlgorithmContract
 * What every token algorithm in the registry must do, run once per entry
 * (tokenAlgorithms.spec.ts): a generated key imports, a token signed with it
 * verifies under an independent implementation (jose for the node:crypto
 * algorithms, @noble/post-quantum directly for ML-DSA-65) and under our own
 * `verify`, a flipped bit fails, the published JWK holds exactly the
 * thumbprint members plus `kid`/`alg`/`use` and no private member, and
 * another algorithm's key is refused with a TypeError.
 */
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { expect } from 'chai';
import { compactVerify, type JWK } from 'jose';
import type { TokenAlgorithm } from '../../src/algorithms/names.js';
import { PRIVATE_JWK_MEMBERS } from '../../src/keys/publicJwk.js';
import { signingKeyFromJwk } from '../../src/keys/signingKeyFromJwk.js';
import type { AnyJwsAlgorithm } from '../../src/tokens/algorithms/JwsAlgorithm.js';
import { decodeBase64url } from '../../src/tokens/base64url.js';
import { signJwt } from '../../src/tokens/signJwt.js';
import type { SigningKey } from '../../src/tokens/SigningKey.js';
import { tokenAlgorithms } from '../../src/tokens/tokenAlgorithms.js';

const ascii = new TextEncoder();

/** An implementation other than ours: true when `token` verifies under `key`. */
async function independentlyVerified(token: string, key: SigningKey): Promise<boolean> {
  if (key.alg === 'ML-DSA-65') {
    const [header, payload, signature] = token.split('.') as [string, string, string];
    return ml_dsa65.verify(decodeBase64url(signature)!, ascii.encode(`${header}.${payload}`), key.publicKey, { context: new Uint8Array(0) });
  }
  try {
    await compactVerify(token, key.publicKey, { algorithms: [key.alg] });
    return true;
  } catch {
    return false;
  }
}

export function tokenAlgorithmContract(alg: TokenAlgorithm, algorithm: AnyJwsAlgorithm): void {
  describe(`${alg} (token algorithm contract)`, function () {
    this.timeout(60_000);
    let jwk: JWK;
    let key: SigningKey;
    before(async () => {
      jwk = await algorithm.generate();
      key = await signingKeyFromJwk(alg, jwk);
    });

    it('is the registry entry for its own name', () => {
      expect(algorithm.alg).to.equal(alg);
      expect(key.alg).to.equal(alg);
    });

    it('signs tokens that an independent implementation and our own verify accept', async () => {
      const token = await signJwt({ sub: 'contract', n: 1 }, key);
      expect(await independentlyVerified(token, key)).to.equal(true);
      const [header, payload, signature] = token.split('.') as [string, string, string];
      const input = ascii.encode(`${header}.${payload}`);
      expect(await algorithm.verify(key.publicKey, input, decodeBase64url(signature)!)).to.equal(true);
    });

    it('refuses a flipped bit in the signature or the signing input, without throwing', async () => {
      const input = ascii.encode('eyJhbGciOiJ4In0.eyJzdWIiOiJ4In0');
      const signature = await algorithm.sign(key.privateKey, input);
      expect(await algorithm.verify(key.publicKey, input, signature)).to.equal(true);
      const flipped = Uint8Array.from(signature);
      flipped[3] = (flipped[3] as number) ^ 1;
      expect(await algorithm.verify(key.publicKey, input, flipped)).to.equal(false);
      const otherInput = Uint8Array.from(input);
      otherInput[0] = (otherInput[0] as number) ^ 1;
      expect(await algorithm.verify(key.publicKey, otherInput, signature)).to.equal(false);
      expect(await algorithm.verify(key.publicKey, input, new Uint8Array(0))).to.equal(false);
    });

    it('publishes exactly its thumbprint members plus kid, alg and use, and no private member', () => {
      expect(Object.keys(key.publicJwk).sort()).to.deep.equal([...new Set([...algorithm.jwk.members, 'kid', 'alg', 'use'])].sort());
      expect(key.publicJwk.kty).to.equal(algorithm.jwk.kty);
      for (const member of PRIVATE_JWK_MEMBERS) expect(key.publicJwk, member).not.to.have.property(member);
      expect(Object.isFrozen(key.publicJwk)).to.equal(true);
    });

    it("refuses every other algorithm's key with a TypeError", async () => {
      for (const [other, entry] of Object.entries(tokenAlgorithms)) {
        if (other === alg || entry.jwk.kty === algorithm.jwk.kty) continue;
        const foreign = await entry.generate();
        expect(() => algorithm.importKey(foreign), other).to.throw(TypeError);
      }
    });
  });
}
