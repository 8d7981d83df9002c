/**
 * @module test/support/redisProcesses
 * For the multi-instance process tests: a config that points real servers at
 * one Redis and one key directory, an operator login, and an Ed25519 wallet
 * (signed by OpenSSL through node:crypto) to sign challenges with.
 */
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { expect } from 'chai';
import { writeServerConfig } from './serverConfig.js';
import { requestJson, type JsonResponse } from './durabilityServer.js';

export const AUTH = '/api/v1/auth';
export const ISSUER = 'http://127.0.0.1';
export const AUDIENCE = 'multi-instance-test';
/** auto_create_admin needs a non-default password outside development. */
export const ADMIN = { email: 'ops@multi.test', password: `pw-${randomUUID()}` } as const;

export interface RedisConfigOptions {
  readonly url: string;
  readonly prefix: string;
  readonly connectTimeoutMs?: number;
}

/** Writes `<dir>/server-auth.yaml`: shared Redis (url, prefix), shared key directory, port 0. */
export function writeRedisConfig(dir: string, redis: RedisConfigOptions): string {
  return writeServerConfig(dir, {
    server_auth: {
      issuer: ISSUER,
      audience: AUDIENCE,
      key_directory: join(dir, 'keys'),
      auto_create_admin: true,
      admin_email: ADMIN.email,
      admin_password: ADMIN.password,
      // Races one address many times: the sign-in limits are not under test there
      // (the challenge limits are, shared by the three servers).
      rate_limits: { sign_in: { per_ip: { points: 1000, window_seconds: 60 }, per_account: { points: 1000, window_seconds: 60 } } },
    },
    redis: {
      url: redis.url,
      key_prefix: redis.prefix,
      ...(redis.connectTimeoutMs === undefined ? {} : { connect_timeout_ms: redis.connectTimeoutMs }),
    },
  });
}

export interface TokenPairBody {
  readonly access_token: string;
  readonly refresh_token: string;
}

/** Password login as the bootstrap operator. */
export async function operatorLogin(base: string): Promise<TokenPairBody> {
  const res = await requestJson('POST', `${base}${AUTH}/login`, { body: ADMIN });
  expect(res.status, JSON.stringify(res.body)).to.equal(200);
  return res.body as unknown as TokenPairBody;
}

export class Wallet {
  readonly address: string;
  readonly #privateKey: KeyObject;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    this.#privateKey = privateKey;
    this.address = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
  }

  async challenge(base: string): Promise<string> {
    const res = await requestJson('POST', `${base}${AUTH}/challenge`, { body: { address: this.address } });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body['challenge'] as string;
  }

  /** The sign-in body for `nonce`, signed by this wallet. */
  signInBody(nonce: string): Record<string, string> {
    const signature = sign(null, Buffer.from(nonce, 'utf8'), this.#privateKey).toString('hex');
    return { address: this.address, public_key: this.address, signature, challenge: nonce, algorithm: 'Ed25519' };
  }

  signIn(base: string, nonce: string): Promise<JsonResponse> {
    return requestJson('POST', `${base}${AUTH}/sign-in`, { body: this.signInBody(nonce) });
  }
}
