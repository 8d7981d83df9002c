/**
 * @module services/LoginService
 * Password login for the bootstrap administrator (CONTRACT.md "login").
 */
import { inject, injectable } from 'inversify';
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';
import { Forbidden, InvalidCredentials } from '../errors/errors.js';
import { TYPES } from '../identifiers.js';
import { constantTimeEqual } from '../security/constantTimeEqual.js';
import type { RateLimiter } from '../limits/RateLimiter.js';
import type { Logger } from '../logging/Logger.js';
import type { TokenIssuer, TokenPair } from '../tokens/TokenIssuer.js';

/** `POST /login`: both fields present and non-empty. */
export interface LoginRequest {
  readonly email: string;
  readonly password: string;
}

/** Where a request came from, for the per-account back-off on wrong passwords. */
export interface ClientContext {
  readonly ip: string;
}

export interface LoginService {
  /** With `client`, wrong passwords back off per email and IP (`TYPES.RateLimiter`). */
  login(request: LoginRequest, client?: ClientContext): Promise<TokenPair>;
}

/**
 * 403 unless `auto_create_admin` is on. The route checks it before it reads
 * the body (a disabled endpoint says so whatever is sent); the service checks
 * it again for callers that reach it without the route.
 */
export function assertPasswordLogin(settings: ServerAuthSettings): void {
  if (!settings.auto_create_admin) throw new Forbidden('password login disabled');
}

@injectable()
export class AdminLoginService implements LoginService {
  constructor(
    @inject(TYPES.ServerAuthSettings) private readonly settings: ServerAuthSettings,
    @inject(TYPES.TokenIssuer) private readonly tokens: TokenIssuer,
    @inject(TYPES.RateLimiter) private readonly limits: RateLimiter,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  async login({ email, password }: LoginRequest, client?: ClientContext): Promise<TokenPair> {
    assertPasswordLogin(this.settings);
    // Backing off: refused before the password is even compared.
    if (client !== undefined) await this.limits.checkLogin(email, client.ip);
    // Both comparisons always run: which one failed must not show in the timing.
    const emailOk = constantTimeEqual(email.toLowerCase(), this.settings.admin_email.toLowerCase());
    const passwordOk = constantTimeEqual(password, this.settings.admin_password);
    if (!(emailOk && passwordOk)) {
      if (client !== undefined) await this.limits.loginFailed(email, client.ip);
      this.logger.warn(`login failed (invalid_credentials) from ${client?.ip ?? 'an unknown address'}`);
      throw new InvalidCredentials();
    }
    if (client !== undefined) await this.limits.loginSucceeded(email, client.ip);
    return this.tokens.issueSession({ sub: this.settings.admin_email, role: this.settings.admin_role });
  }
}
