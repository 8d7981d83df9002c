/**
 * @module validator/Endpoints
 * Where the JWKS and the revocation feed are: given in the options, or read
 * once from the issuer's discovery document (`jwks_uri`, and our extension
 * `revoked_jtis_endpoint`). The document must name the configured issuer,
 * so a misconfigured URL cannot make us trust another server's keys. A
 * failed read is retried on the next call, not cached.
 */
import { underIssuer, type ResolvedOptions } from './ValidatorOptions.js';

export interface EndpointUrls {
  readonly jwks: string;
  readonly revocation: string;
}

const REQUEST_TIMEOUT_MS = 10_000;

export class Endpoints {
  #pending: Promise<EndpointUrls> | undefined;

  constructor(private readonly options: ResolvedOptions) {}

  get(): Promise<EndpointUrls> {
    const { jwksUrl, revocation } = this.options;
    if (jwksUrl !== undefined && (revocation === undefined || revocation.url !== undefined)) {
      return Promise.resolve({ jwks: jwksUrl, revocation: revocation?.url ?? underIssuer(this.options.issuer, '/api/v1/auth/revoked-jtis') });
    }
    this.#pending ??= this.#discover().catch((error: unknown) => {
      this.#pending = undefined;
      throw error;
    });
    return this.#pending;
  }

  async #discover(): Promise<EndpointUrls> {
    const { discovery, issuer, jwksUrl, revocation } = this.options;
    const res = await this.options.fetch(discovery, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`discovery document ${discovery}: HTTP ${res.status}`);
    const document = (await res.json()) as Record<string, unknown>;
    if (document['issuer'] !== issuer) {
      throw new Error(`discovery document ${discovery} names issuer ${String(document['issuer'])}, not ${issuer}`);
    }
    const jwks = jwksUrl ?? document['jwks_uri'];
    if (typeof jwks !== 'string' || !URL.canParse(jwks)) throw new Error(`discovery document ${discovery} has no jwks_uri`);
    const feed = revocation?.url ?? document['revoked_jtis_endpoint'];
    return {
      jwks,
      revocation: typeof feed === 'string' && URL.canParse(feed) ? feed : underIssuer(issuer, '/api/v1/auth/revoked-jtis'),
    };
  }
}
