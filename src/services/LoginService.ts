/**
 * @module services/LoginService
 * Password login for the bootstrap administrator (CONTRACT.md "login").
 */
import { inject, injectable } from 'inversify';
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';
import { Forbidden, InvalidCredentials, InvalidRequest } from '../errors/errors.js';
import { TYPES } from '../identifiers.js';
import { constantTimeEqual } from '../security/constantTimeEqual.js';
import type { TokenIssuer, TokenPair } from '../tokens/TokenIssuer.js';
import { requireObject } from './requireObject.js';

export interface LoginService {
  login(body: unknown): Promise<TokenPair>;
}

@injectable()
export class AdminLoginService implements LoginService {
  constructor(
    @inject(TYPES.ServerAuthSettings) private readonly settings: ServerAuthSettings,
    @inject(TYPES.TokenIssuer) private readonly tokens: TokenIssuer,
  ) {}

  async login(body: unknown): Promise<TokenPair> {
    if (!this.settings.auto_create_admin) {
      throw new Forbidden('password login disabled');
    }
    const { email, password } = requireObject(body);
    if (typeof email !== 'string' || typeof password !== 'string' || email === '' || password === '') {
      throw new InvalidRequest('email and password required');
    }
    // Both comparisons always run: which one failed must not show in the timing.
    const emailOk = constantTimeEqual(email.toLowerCase(), this.settings.admin_email.toLowerCase());
    const passwordOk = constantTimeEqual(password, this.settings.admin_password);
    if (!(emailOk && passwordOk)) {
      throw new InvalidCredentials();
    }
    return this.tokens.issueSession({ sub: this.settings.admin_email, role: this.settings.admin_role });
  }
}
