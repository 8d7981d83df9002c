import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ed25519 } from '@noble/curves/ed25519.js';
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { expect } from 'chai';
import { CryptoWorkerPool } from '../../src/workers/CryptoWorkerPool.js';
import { runInThread } from '../../src/workers/sharedCryptoPool.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('workers/CryptoWorkerPool', function () {
  this.timeout(30_000);
  const secret = new Uint8Array(32).fill(7);
  const publicKey = ed25519.getPublicKey(secret);
  const fallbackCalls: string[] = [];
  const fallback = (job: Parameters<typeof runInThread>[0]): boolean | Uint8Array => {
    fallbackCalls.push(job.op === 'verify' ? job.algorithm : job.op);
    return runInThread(job);
  };

  it('answers many concurrent tasks correctly across its workers, then closes, then restarts on use', async () => {
    const pool = new CryptoWorkerPool({ size: 2, fallback });
    const tasks = Array.from({ length: 200 }, (_, i) => {
      const message = utf8(`challenge ${i}`);
      const signature = ed25519.sign(message, secret);
      if (i % 3 === 0) signature[5] = (signature[5] as number) ^ 1;
      return { message, signature, valid: i % 3 !== 0 };
    });
    const results = await Promise.all(tasks.map((t) => pool.verify('Ed25519', publicKey, t.message, t.signature)));
    expect(results).to.deep.equal(tasks.map((t) => t.valid));
    expect(pool.size).to.equal(2);
    expect(await pool.engine()).to.be.oneOf(['liboqs', 'noble']);
    await pool.close();
    expect(pool.size).to.equal(0);
    expect(await pool.verify('Ed25519', publicKey, tasks[1]!.message, tasks[1]!.signature)).to.equal(true);
    await pool.close();
    expect(fallbackCalls).to.deep.equal([]);
  });

  it('signs ML-DSA-65 on a worker: signatures verify under the public key, pure with empty context', async () => {
    const pool = new CryptoWorkerPool({ size: 2, fallback });
    const keys = ml_dsa65.keygen(new Uint8Array(32).fill(3));
    const messages = Array.from({ length: 6 }, (_, i) => utf8(`header.payload ${i}`));
    const signatures = await Promise.all(messages.map((message) => pool.signMlDsa65(keys.secretKey, message)));
    for (const [i, signature] of signatures.entries()) {
      expect(signature).to.be.instanceOf(Uint8Array).with.length(3309);
      expect(ml_dsa65.verify(signature, messages[i]!, keys.publicKey, { context: new Uint8Array(0) })).to.equal(true);
      expect(ml_dsa65.verify(signature, utf8('other'), keys.publicKey)).to.equal(false);
    }
    await pool.close();
    expect(fallbackCalls).to.deep.equal([]);
  });

  it('rejects a signing job that fails in the worker, rather than answering garbage', async () => {
    const pool = new CryptoWorkerPool({ size: 1, fallback });
    let error: unknown;
    await pool.signMlDsa65(new Uint8Array(10), utf8('x')).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.match(/^crypto worker: /);
    await pool.close();
  });

  it('answers in-flight tasks with the fallback when closed under load', async () => {
    const pool = new CryptoWorkerPool({ size: 1, fallback });
    const message = utf8('closing');
    const signature = ed25519.sign(message, secret);
    const pending = Array.from({ length: 50 }, () => pool.verify('Ed25519', publicKey, message, signature));
    await pool.close();
    expect(await Promise.all(pending)).to.deep.equal(new Array(50).fill(true));
  });

  it('reports the engine of every wallet scheme, and restarts its workers on the engines it is told to use', async () => {
    const pool = new CryptoWorkerPool({ size: 1, fallback });
    const before = fallbackCalls.length;
    const message = utf8('engines');
    expect(await pool.verify('Ed25519', publicKey, message, ed25519.sign(message, secret))).to.equal(true);
    expect(await pool.engine('Ed25519')).to.equal('openssl');
    expect(await pool.engine('secp256k1')).to.equal('openssl');
    expect(await pool.engine()).to.be.oneOf(['liboqs', 'noble']);
    pool.useEngines({ 'ML-DSA-65': 'noble' });
    expect(await pool.engine()).to.equal('noble');
    await pool.close();
    expect(fallbackCalls.length).to.equal(before);
  });

  it('signs only with algorithms whose registry entry signs on workers', async () => {
    const pool = new CryptoWorkerPool({ size: 1, fallback });
    let error: unknown;
    await pool.sign('RS256', new Uint8Array(10), utf8('x')).catch((e: unknown) => (error = e));
    expect((error as Error).message).to.equal('crypto worker: RS256 does not sign on workers');
    await pool.close();
  });

  it('does not keep a process alive: a script that verifies and never closes the pool exits by itself', async () => {
    const script = `
      const { CryptoWorkerPool } = await import(${JSON.stringify(new URL('../../src/workers/CryptoWorkerPool.js', import.meta.url).href)});
      const pool = new CryptoWorkerPool({ size: 2, fallback: () => false });
      const ok = await pool.verify('Ed25519', new Uint8Array(32), new Uint8Array(1), new Uint8Array(64));
      console.log('done', ok);`;
    const started = Date.now();
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      timeout: 20_000,
      cwd: fileURLToPath(new URL('.', import.meta.url)),
    });
    expect(stdout.trim()).to.equal('done false');
    expect(Date.now() - started).to.be.below(15_000);
  });
});
