/**
 * @module test/unit/keys/keyConfig
 * The signing-key settings: the four algorithms, ranges of the new keys, the
 * lead-time rule (a new key must outlive every cached JWKS before it signs),
 * and the retirement window derived from the token lifetimes.
 */
import { expect } from 'chai';
import { loadConfig } from '../../../src/config/loadConfig.js';
import { ConfigError } from '../../../src/errors/ConfigError.js';
import { keyPolicy } from '../../../src/keys/keyPolicy.js';

async function refusal(serverAuth: Record<string, unknown>): Promise<string> {
  try {
    await loadConfig({ server_auth: serverAuth }, {});
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return (error as Error).message;
  }
  return 'accepted';
}

describe('signing-key configuration', () => {
  it('when algorithm is RS256, ES256, EdDSA or ML-DSA-65, accepts it', async () => {
    for (const algorithm of ['RS256', 'ES256', 'EdDSA', 'ML-DSA-65']) {
      expect((await loadConfig({ server_auth: { algorithm } }, {})).server_auth.algorithm).to.equal(algorithm);
    }
  });

  it('when algorithm is anything else, refuses it naming the allowed values', async () => {
    for (const algorithm of ['HS256', 'none', 'Ed25519', 'ML-DSA-44']) {
      expect(await refusal({ algorithm })).to.contain(
        'server_auth.algorithm: must be equal to one of the allowed values: RS256, ES256, EdDSA, ML-DSA-65',
      );
    }
  });

  it('when a key setting is unknown, of the wrong type or out of range, refuses it naming the key', async () => {
    expect(await refusal({ key_dir: 'x' })).to.contain('server_auth.key_dir: unknown key');
    expect(await refusal({ key_directory: 7 })).to.contain('server_auth.key_directory: must be string');
    expect(await refusal({ jwks_max_age_seconds: -1 })).to.contain('server_auth.jwks_max_age_seconds: must be >= 0');
    expect(await refusal({ jwks_max_age_seconds: 86_401 })).to.contain('server_auth.jwks_max_age_seconds: must be <= 86400');
    expect(await refusal({ key_refresh_seconds: 0 })).to.contain('server_auth.key_refresh_seconds: must be >= 1');
    expect(await refusal({ key_retire_grace_seconds: 1.5 })).to.contain('server_auth.key_retire_grace_seconds: must be integer');
    expect(await refusal({ key_publish_lead_seconds: 31 * 86_400 })).to.contain(
      'server_auth.key_publish_lead_seconds: must be <= 2592000',
    );
  });

  it('when the publish lead is shorter than the JWKS max-age plus the refresh interval, refuses it', async () => {
    expect(await refusal({ key_publish_lead_seconds: 309, jwks_max_age_seconds: 300, key_refresh_seconds: 10 })).to.contain(
      'server_auth.key_publish_lead_seconds: must be >= server_auth.jwks_max_age_seconds + server_auth.key_refresh_seconds (309 < 300 + 10)',
    );
    expect(await refusal({ key_publish_lead_seconds: 310, jwks_max_age_seconds: 300, key_refresh_seconds: 10 })).to.equal(
      'accepted',
    );
  });

  it('when lifetimes are set, the retirement window is the longest token lifetime plus the grace', async () => {
    const { server_auth } = await loadConfig(
      { server_auth: { access_token_expire_minutes: 30, refresh_token_expire_days: 2, fleet_max_ttl_seconds: 3600, fleet_session_ttl_seconds: 600, service_token_max_ttl_seconds: 3600, key_retire_grace_seconds: 120 } },
      {},
    );
    expect(keyPolicy(server_auth).retireAfterSeconds).to.equal(2 * 86_400 + 120);
    const fleetLongest = await loadConfig({ server_auth: { fleet_max_ttl_seconds: 30 * 86_400, service_token_max_ttl_seconds: 3600 } }, {});
    expect(keyPolicy(fleetLongest.server_auth).retireAfterSeconds).to.equal(30 * 86_400 + 300);
  });

  it('counts the CLI service-token ceiling, so a `mint --ttl` token never outlives its key', async () => {
    const { server_auth } = await loadConfig({ server_auth: { fleet_max_ttl_seconds: 86_400, service_token_max_ttl_seconds: 90 * 86_400 } }, {});
    expect(keyPolicy(server_auth).retireAfterSeconds).to.equal(90 * 86_400 + 300);
    const defaults = await loadConfig({}, {});
    expect(keyPolicy(defaults.server_auth).retireAfterSeconds).to.equal(31_536_000 + 300);
  });
});
