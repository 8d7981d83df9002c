/**
 * @module services/LoginService
 * Password login for the bootstrap administrator (CONTRACT.md "login").
 */
import { inject, injectable } from 'inversify';
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';
import { Forbidden, InvalidCredentials } from '../errors/errors.js';
import { TYPES } from '../identifiers.js';
import { constantTimeEqual } from '../security/constantTimeEqual.js';
import type { TokenIssuer, TokenPair } from '../tokens/TokenIssuer.js';

/** `POST /login`: both fields present and non-empty. */
export interface LoginRequest {
  readonly email: string;
  readonly password: string;
}

export interface LoginService {
  login(request: LoginRequest): Promise<TokenPair>;
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
  ) {}

  async login({ email, password }: LoginRequest): Promise<TokenPair> {
    assertPasswordLogin(this.settings);
    // Both comparisons always run: which one failed must not show in the timing.
    const emailOk = constantTimeEqual(email.toLowerCase(), this.settings.admin_email.toLowerCase());
    const passwordOk = constantTimeEqual(password, this.settings.admin_password);
    if (!(emailOk && passwordOk)) {
      throw new InvalidCredentials();
    }
    return this.tokens.issueSession({ sub: this.settings.admin_email, role: this.settings.admin_role });
  }
}
