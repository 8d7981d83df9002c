/**
 * @module test/http/sign-in/signInSteps
 * The client side of the wallet flow, for the sign-in specs.
 */
import type { Application } from 'express';
import request from 'supertest';
import { AUTH } from '../../support/testApp.js';
import type { TestWallet } from '../../support/wallets.js';

export async function getChallenge(app: Application, address: string): Promise<string> {
  const res = await request(app).post(`${AUTH}/challenge`).send({ address });
  if (res.status !== 200) throw new Error(`challenge failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.challenge as string;
}

export interface SignInBody {
  address: unknown;
  public_key: unknown;
  signature: unknown;
  challenge: unknown;
  algorithm?: unknown;
}

/** A correct sign-in body for `wallet` over `challenge`; `overrides` replace fields. */
export function signInBody(wallet: TestWallet, challenge: string, overrides: Partial<SignInBody> = {}): SignInBody {
  return {
    address: wallet.publicKeyHex,
    public_key: wallet.publicKeyHex,
    signature: wallet.signHex(challenge),
    challenge,
    algorithm: wallet.algorithm,
    ...overrides,
  };
}

export function postSignIn(app: Application, body: unknown): request.Test {
  return request(app).post(`${AUTH}/sign-in`).send(body as object);
}
