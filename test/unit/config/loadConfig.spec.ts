import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { deepFreeze } from '../../../src/config/deepFreeze.js';
import { interpolateEnv } from '../../../src/config/interpolate.js';
import { defaultConfig, loadConfig } from '../../../src/config/loadConfig.js';
import { configSchema } from '../../../src/config/schema.js';
import type { PicoConfig } from '../../../src/config/ServerAuthSettings.js';
import { ConfigError } from '../../../src/errors/ConfigError.js';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Every key of CONTRACT.md section 4 with its default, plus `development` and `server`. */
const DEFAULTS: PicoConfig = {
  server_auth: {
    issuer: 'http://localhost:8100',
    audience: 'pico',
    algorithm: 'RS256',
    key_directory: '',
    key_publish_lead_seconds: 600,
    key_refresh_seconds: 10,
    key_retire_grace_seconds: 300,
    jwks_max_age_seconds: 300,
    access_token_expire_minutes: 15,
    refresh_token_expire_days: 7,
    challenge_ttl_seconds: 60,
    challenge_max_pending: 100000,
    supported_wallet_algorithms: ['ML-DSA-65', 'Ed25519', 'secp256k1'],
    wallet_verify_path: 'threadPool',
    ml_dsa_engine: 'auto',
    auto_create_admin: false,
    admin_email: 'admin@pico.local',
    admin_password: 'admin',
    admin_role: 'operator',
    development: false,
    fleet_mint_secret: '',
    fleet_allowed_roles: ['agent'],
    fleet_session_ttl_seconds: 86400,
    fleet_max_ttl_seconds: 31536000,
    service_token_max_ttl_seconds: 31536000,
    revocation_store_path: '',
    mint_audit_path: '',
    token_family_store_path: '',
    mint_audit_min_ttl_seconds: 300,
    mint_audit_max_in_memory: 5000,
    rate_limits: {
      enabled: true,
      challenge: { per_ip: { points: 120, window_seconds: 60 }, per_account: { points: 10, window_seconds: 60 } },
      sign_in: { per_ip: { points: 120, window_seconds: 60 }, per_account: { points: 10, window_seconds: 60 } },
      login: { per_ip: { points: 30, window_seconds: 60 }, per_account: { points: 20, window_seconds: 60 } },
      refresh: { per_ip: { points: 240, window_seconds: 60 } },
      fleet_sessions: { per_ip: { points: 120, window_seconds: 60 }, per_account: { points: 10, window_seconds: 60 } },
      login_failures: {
        free_attempts: 5,
        max_backoff_seconds: 900,
        account_failures: { points: 50, window_seconds: 900 },
        known_ip_days: 30,
      },
    },
    trusted_proxies: [],
  },
  server: { host: '127.0.0.1', port: 8100 },
  redis: { url: '', key_prefix: 'pico-auth:', connect_timeout_ms: 5000, command_timeout_ms: 2000, key_store: false },
};

/** Awaits `promise`, expects a ConfigError and returns it. */
async function refused(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return error as ConfigError;
  }
  expect.fail('expected a ConfigError, but the configuration was accepted');
}

/** The message loadConfig gives for a document (not a file) with these problems. */
function invalid(...lines: string[]): string {
  return `invalid configuration:\n  ${lines.join('\n  ')}`;
}

describe('config/loadConfig', () => {
  let dir: string;
  let counter = 0;
  const yamlFile = async (text: string): Promise<string> => {
    counter += 1;
    const file = join(dir, `config-${counter}.yaml`);
    await writeFile(file, text, 'utf8');
    return file;
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pico-config-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe('loadConfig()', () => {
    describe('when called with an empty document', () => {
      it('fills in every default for {}', async () => {
        expect(await loadConfig({}, {})).to.deep.equal(DEFAULTS);
      });

      it('fills in every default for an empty YAML file', async () => {
        expect(await loadConfig(await yamlFile(''), {})).to.deep.equal(DEFAULTS);
      });

      it('fills in every default for a YAML file holding only comments', async () => {
        expect(await loadConfig(await yamlFile('# nothing here\n'), {})).to.deep.equal(DEFAULTS);
      });

      it('treats sections whose keys are all commented out (null) as empty', async () => {
        const file = await yamlFile('server_auth:\n  # audience: x\nserver:\n');
        expect(await loadConfig(file, {})).to.deep.equal(DEFAULTS);
      });
    });

    describe('when called with a document setting some keys', () => {
      it('keeps the given values and defaults the rest', async () => {
        const config = await loadConfig(
          { server_auth: { audience: 'api', supported_wallet_algorithms: ['Ed25519'] }, server: { port: 0 } },
          {},
        );
        expect(config).to.deep.equal({
          server_auth: { ...DEFAULTS.server_auth, audience: 'api', supported_wallet_algorithms: ['Ed25519'] },
          server: { host: '127.0.0.1', port: 0 },
          redis: DEFAULTS.redis,
        });
      });

      it('never mutates or freezes the object it was given', async () => {
        const input = { server_auth: { fleet_allowed_roles: ['agent', 'ci'] }, server: { port: '${P:9000}' } };
        const config = await loadConfig(input, {});
        expect(input).to.deep.equal({
          server_auth: { fleet_allowed_roles: ['agent', 'ci'] },
          server: { port: '${P:9000}' },
        });
        expect(Object.isFrozen(input.server_auth.fleet_allowed_roles)).to.equal(false);
        expect(config.server_auth.fleet_allowed_roles).not.to.equal(input.server_auth.fleet_allowed_roles);
        expect(config.server.port).to.equal(9000);
      });
    });

    describe('when it returns', () => {
      it('deep-freezes the result, arrays included', async () => {
        const config = await loadConfig({}, {});
        expect(Object.isFrozen(config)).to.equal(true);
        expect(Object.isFrozen(config.server_auth)).to.equal(true);
        expect(Object.isFrozen(config.server)).to.equal(true);
        expect(Object.isFrozen(config.server_auth.supported_wallet_algorithms)).to.equal(true);
        expect(Object.isFrozen(config.server_auth.fleet_allowed_roles)).to.equal(true);
      });

      it('makes mutation throw (ES modules run in strict mode)', async () => {
        const config = await loadConfig({}, {});
        expect(() => {
          (config.server as { port: number }).port = 1;
        }).to.throw(TypeError);
        expect(() => {
          (config.server_auth.fleet_allowed_roles as string[]).push('operator');
        }).to.throw(TypeError);
        expect(config.server.port).to.equal(8100);
        expect(config.server_auth.fleet_allowed_roles).to.deep.equal(['agent']);
      });

      it('returns fresh defaults on every call', async () => {
        const a = await loadConfig({}, {});
        const b = await loadConfig({}, {});
        expect(a.server_auth.supported_wallet_algorithms).not.to.equal(b.server_auth.supported_wallet_algorithms);
      });
    });

    describe('when called with unknown keys', () => {
      it('names an unknown top-level key', async () => {
        const error = await refused(loadConfig({ bogus: 1 }, {}));
        expect(error.message).to.equal(invalid('bogus: unknown key'));
      });

      it('names an unknown key inside server_auth', async () => {
        const error = await refused(loadConfig({ server_auth: { bogus: true } }, {}));
        expect(error.message).to.equal(invalid('server_auth.bogus: unknown key'));
      });

      it('names an unknown key inside server', async () => {
        const error = await refused(loadConfig({ server: { listen: 'x' } }, {}));
        expect(error.message).to.equal(invalid('server.listen: unknown key'));
      });

      it('refuses a __proto__ key from YAML as unknown instead of changing a prototype', async () => {
        const file = await yamlFile('server_auth:\n  __proto__:\n    auto_create_admin: true\n');
        const error = await refused(loadConfig(file, {}));
        expect(error.message).to.equal(`invalid configuration in ${file}:\n  server_auth.__proto__: unknown key`);
      });
    });

    describe('when called with wrong types', () => {
      it('names the key of a string where an integer belongs', async () => {
        const error = await refused(loadConfig({ server_auth: { access_token_expire_minutes: 'soon' } }, {}));
        expect(error.message).to.equal(invalid('server_auth.access_token_expire_minutes: must be integer'));
      });

      const cases: ReadonlyArray<readonly [string, Record<string, unknown>, string]> = [
        ['a non-numeric port', { server: { port: 'abc' } }, 'server.port: must be integer'],
        ['a quoted number (no coercion outside placeholders)', { server: { port: '8100' } }, 'server.port: must be integer'],
        ['a null port', { server: { port: null } }, 'server.port: must be integer'],
        ['a fractional lifetime', { server_auth: { refresh_token_expire_days: 1.5 } }, 'server_auth.refresh_token_expire_days: must be integer'],
        ['1 for a boolean', { server_auth: { auto_create_admin: 1 } }, 'server_auth.auto_create_admin: must be boolean'],
        ['"yes" for a boolean', { server_auth: { development: 'yes' } }, 'server_auth.development: must be boolean'],
        ['a number for a string', { server_auth: { admin_email: 42 } }, 'server_auth.admin_email: must be string'],
        ['a scalar section', { server_auth: 5 }, 'server_auth: must be object'],
        ['a list section', { server: [] }, 'server: must be object'],
        ['a string for a list', { server_auth: { supported_wallet_algorithms: 'Ed25519' } }, 'server_auth.supported_wallet_algorithms: must be array'],
        ['an empty role in a list', { server_auth: { fleet_allowed_roles: ['agent', ''] } }, 'server_auth.fleet_allowed_roles[1]: must NOT have fewer than 1 characters'],
      ];
      for (const [name, document, line] of cases) {
        it(`names the key of ${name}`, async () => {
          expect((await refused(loadConfig(document, {}))).message).to.equal(invalid(line));
        });
      }
    });

    describe('when called with out-of-range values', () => {
      const cases: ReadonlyArray<readonly [string, Record<string, unknown>, string]> = [
        ['server.port 70000', { server: { port: 70000 } }, 'server.port: must be <= 65535'],
        ['server.port -1', { server: { port: -1 } }, 'server.port: must be >= 0'],
        ['challenge_ttl_seconds 0', { server_auth: { challenge_ttl_seconds: 0 } }, 'server_auth.challenge_ttl_seconds: must be >= 1'],
        ['access_token_expire_minutes 1441', { server_auth: { access_token_expire_minutes: 1441 } }, 'server_auth.access_token_expire_minutes: must be <= 1440'],
        ['fleet_max_ttl_seconds over ten years', { server_auth: { fleet_max_ttl_seconds: 315360001 } }, 'server_auth.fleet_max_ttl_seconds: must be <= 315360000'],
        ['fleet_session_ttl_seconds 59', { server_auth: { fleet_session_ttl_seconds: 59 } }, 'server_auth.fleet_session_ttl_seconds: must be >= 60'],
        ['mint_audit_min_ttl_seconds -1', { server_auth: { mint_audit_min_ttl_seconds: -1 } }, 'server_auth.mint_audit_min_ttl_seconds: must be >= 0'],
        ['an empty audience', { server_auth: { audience: '' } }, 'server_auth.audience: must NOT have fewer than 1 characters'],
        ['an empty host', { server: { host: '' } }, 'server.host: must NOT have fewer than 1 characters'],
        ['algorithm HS256', { server_auth: { algorithm: 'HS256' } }, 'server_auth.algorithm: must be equal to one of the allowed values: RS256, ES256, EdDSA, ML-DSA-65'],
        ['an unknown wallet algorithm', { server_auth: { supported_wallet_algorithms: ['Ed25519', 'RSA'] } }, 'server_auth.supported_wallet_algorithms[1]: must be equal to one of the allowed values: ML-DSA-65, Ed25519, secp256k1'],
        ['an unknown wallet verify path', { server_auth: { wallet_verify_path: 'gpu' } }, 'server_auth.wallet_verify_path: must be equal to one of the allowed values: threadPool, workers, reference'],
        ['an unknown ML-DSA engine', { server_auth: { ml_dsa_engine: 'liboqs' } }, 'server_auth.ml_dsa_engine: must be equal to one of the allowed values: auto, noble'],
        ['no wallet algorithm', { server_auth: { supported_wallet_algorithms: [] } }, 'server_auth.supported_wallet_algorithms: must NOT have fewer than 1 items'],
        ['a duplicated wallet algorithm', { server_auth: { supported_wallet_algorithms: ['Ed25519', 'Ed25519'] } }, 'server_auth.supported_wallet_algorithms: must NOT have duplicate items (items ## 1 and 0 are identical)'],
        ['an issuer that is not http(s)', { server_auth: { issuer: 'ftp://auth' } }, 'server_auth.issuer: must start with http:// or https:// (must match pattern "^https?://\\S+$")'],
      ];
      for (const [name, document, line] of cases) {
        it(`names the key of ${name}`, async () => {
          expect((await refused(loadConfig(document, {}))).message).to.equal(invalid(line));
        });
      }

      it('accepts the bounds themselves', async () => {
        const config = await loadConfig(
          {
            server_auth: { mint_audit_min_ttl_seconds: 0, fleet_max_ttl_seconds: 315360000, issuer: 'https://a' },
            server: { port: 65535 },
          },
          {},
        );
        expect(config.server.port).to.equal(65535);
        expect(config.server_auth.fleet_max_ttl_seconds).to.equal(315360000);
      });
    });

    describe('when the document has several problems', () => {
      it('reports them all in one error, in document order', async () => {
        const error = await refused(
          loadConfig(
            {
              extra: true,
              server_auth: { bogus: 1, access_token_expire_minutes: 'soon', challenge_ttl_seconds: 0 },
              server: { port: 70000 },
            },
            {},
          ),
        );
        expect(error.message).to.equal(
          invalid(
            'extra: unknown key',
            'server_auth.bogus: unknown key',
            'server_auth.access_token_expire_minutes: must be integer',
            'server_auth.challenge_ttl_seconds: must be >= 1',
            'server.port: must be <= 65535',
          ),
        );
      });
    });

    describe('when called with ${VAR} placeholders', () => {
      it('refuses an unset variable without default, naming key and variable', async () => {
        const error = await refused(loadConfig({ server_auth: { fleet_mint_secret: '${FLEET_SECRET}' } }, {}));
        expect(error.message).to.equal(
          invalid('server_auth.fleet_mint_secret: environment variable FLEET_SECRET is not set and has no default'),
        );
        expect(error.cause).to.be.instanceOf(ConfigError);
      });

      it('names the file, key and variable when the placeholder is in a file', async () => {
        const file = await yamlFile('server_auth:\n  fleet_allowed_roles: [agent, "${ROLE}"]\n');
        const error = await refused(loadConfig(file, {}));
        expect(error.message).to.equal(
          `invalid configuration in ${file}:\n` +
            '  server_auth.fleet_allowed_roles[1]: environment variable ROLE is not set and has no default',
        );
      });

      it('uses the default when the variable is unset', async () => {
        const config = await loadConfig({ server_auth: { audience: '${AUD:pico-api}' } }, {});
        expect(config.server_auth.audience).to.equal('pico-api');
      });

      it('lets a set variable win over the default', async () => {
        const config = await loadConfig({ server_auth: { audience: '${AUD:pico-api}' } }, { AUD: 'from-env' });
        expect(config.server_auth.audience).to.equal('from-env');
      });

      it('lets a variable set to "" win over the default', async () => {
        const config = await loadConfig({ server_auth: { fleet_mint_secret: '${S:secret}' } }, { S: '' });
        expect(config.server_auth.fleet_mint_secret).to.equal('');
      });

      it('replaces a placeholder embedded in text', async () => {
        const document = { server_auth: { issuer: 'http://${HOST:localhost}:8100' } };
        expect((await loadConfig(document, {})).server_auth.issuer).to.equal('http://localhost:8100');
        expect((await loadConfig(document, { HOST: 'auth.example' })).server_auth.issuer).to.equal(
          'http://auth.example:8100',
        );
      });

      it('replaces several placeholders in one string', async () => {
        const document = { server_auth: { issuer: '${SCHEME:https}://${HOST}:${PORT:443}/x' } };
        const config = await loadConfig(document, { HOST: 'a.example' });
        expect(config.server_auth.issuer).to.equal('https://a.example:443/x');
      });

      it('keeps colons in a default', async () => {
        const config = await loadConfig({ server_auth: { issuer: '${ISSUER:http://localhost:9999}' } }, {});
        expect(config.server_auth.issuer).to.equal('http://localhost:9999');
      });

      it('turns a whole placeholder into an integer where the schema wants one', async () => {
        const config = await loadConfig({ server: { port: '${P}' } }, { P: '9000' });
        expect(config.server.port).to.equal(9000);
      });

      it('turns a whole placeholder into a boolean where the schema wants one', async () => {
        const document = { server_auth: { auto_create_admin: '${ADMIN:false}', development: '${DEV}' } };
        const config = await loadConfig(document, { DEV: 'true' });
        expect(config.server_auth.auto_create_admin).to.equal(false);
        expect(config.server_auth.development).to.equal(true);
      });

      it('keeps a numeric-looking value a string where the schema wants a string', async () => {
        const config = await loadConfig({ server_auth: { admin_password: '${PW}', auto_create_admin: true } }, { PW: '1234' });
        expect(config.server_auth.admin_password).to.equal('1234');
      });

      it('still refuses a placeholder value that is not a number, naming the key', async () => {
        const error = await refused(loadConfig({ server: { port: '${P}' } }, { P: 'abc' }));
        expect(error.message).to.equal(invalid('server.port: must be integer'));
      });

      it('does not coerce a placeholder embedded in text', async () => {
        const error = await refused(loadConfig({ server: { port: '${P}0' } }, { P: '900' }));
        expect(error.message).to.equal(invalid('server.port: must be integer'));
      });

      it('does not expand placeholders found in a substituted value', async () => {
        const config = await loadConfig({ server_auth: { audience: '${S}' } }, { S: '${OTHER}' });
        expect(config.server_auth.audience).to.equal('${OTHER}');
      });

      it('reads $${ as a literal ${', async () => {
        const config = await loadConfig({ server_auth: { audience: 'a$${B}c' } }, { B: 'x' });
        expect(config.server_auth.audience).to.equal('a${B}c');
      });

      it('refuses a malformed placeholder, naming the key', async () => {
        const error = await refused(loadConfig({ server_auth: { audience: '${1X}' } }, {}));
        expect(error.message).to.equal(
          invalid('server_auth.audience: malformed placeholder "${1X}" (expected ${VAR} or ${VAR:default})'),
        );
      });

      it('refuses an unterminated placeholder, naming the key', async () => {
        const error = await refused(loadConfig({ server_auth: { audience: 'x${Y' } }, {}));
        expect(error.message).to.include('server_auth.audience: unterminated placeholder');
      });
    });

    describe('when called with a YAML file', () => {
      it('loads a valid file, placeholders included', async () => {
        const file = await yamlFile('server_auth:\n  audience: api\nserver:\n  port: ${PORT:8200}\n');
        const config = await loadConfig(file, {});
        expect(config.server_auth.audience).to.equal('api');
        expect(config.server.port).to.equal(8200);
      });

      it('prefixes schema errors with the file', async () => {
        const file = await yamlFile('server:\n  port: 70000\n');
        const error = await refused(loadConfig(file, {}));
        expect(error.message).to.equal(`invalid configuration in ${file}:\n  server.port: must be <= 65535`);
      });

      it('names the file and the line of a syntax error', async () => {
        const file = await yamlFile('server_auth:\n  audience: pico\n  issuer: [http://x\nserver: {}\n');
        const error = await refused(loadConfig(file, {}));
        expect(error.message).to.match(new RegExp(`^invalid YAML in configuration file ${file}: `));
        expect(error.message).to.include('at line 4');
        expect(error.cause).to.be.instanceOf(Error);
      });

      it('refuses duplicate keys, naming the file', async () => {
        const file = await yamlFile('server:\n  port: 1\n  port: 2\n');
        const error = await refused(loadConfig(file, {}));
        expect(error.message).to.include(`invalid YAML in configuration file ${file}: Map keys must be unique`);
      });

      it('names a missing file and keeps the cause', async () => {
        const file = join(dir, 'missing.yaml');
        const error = await refused(loadConfig(file, {}));
        expect(error.message).to.match(new RegExp(`^cannot read configuration file ${file}: ENOENT`));
        expect((error.cause as NodeJS.ErrnoException).code).to.equal('ENOENT');
      });

      it('refuses a top-level list', async () => {
        const file = await yamlFile('- server_auth\n- server\n');
        const error = await refused(loadConfig(file, {}));
        expect(error.message).to.equal(
          `invalid configuration in ${file}:\n  (root): must be a mapping with server_auth and server keys, got a list`,
        );
      });

      it('refuses a top-level scalar', async () => {
        const file = await yamlFile('42\n');
        const error = await refused(loadConfig(file, {}));
        expect(error.message).to.equal(
          `invalid configuration in ${file}:\n  (root): must be a mapping with server_auth and server keys, got a number`,
        );
      });
    });

    describe('when auto_create_admin is true', () => {
      it('refuses the default password', async () => {
        const error = await refused(loadConfig({ server_auth: { auto_create_admin: true } }, {}));
        expect(error.message).to.equal(
          invalid('server_auth.admin_password: the default password is refused unless server_auth.development is true'),
        );
      });

      it('refuses an empty password', async () => {
        const error = await refused(loadConfig({ server_auth: { auto_create_admin: true, admin_password: '' } }, {}));
        expect(error.message).to.equal(
          invalid('server_auth.admin_password: an empty password is refused unless server_auth.development is true'),
        );
      });

      it('accepts the default password with development: true', async () => {
        const config = await loadConfig({ server_auth: { auto_create_admin: true, development: true } }, {});
        expect(config.server_auth.admin_password).to.equal('admin');
      });

      it('accepts a non-default password', async () => {
        const document = { server_auth: { auto_create_admin: true, admin_password: 'correct horse' } };
        expect((await loadConfig(document, {})).server_auth.auto_create_admin).to.equal(true);
      });
    });

    describe('when fleet_mint_secret is set', () => {
      it('refuses a secret shorter than 32 bytes, naming the key and the length', async () => {
        const error = await refused(loadConfig({ server_auth: { fleet_mint_secret: 'x' } }, {}));
        expect(error.message).to.equal(
          invalid(
            'server_auth.fleet_mint_secret: must be at least 32 bytes (got 1); ' +
              'e.g. openssl rand -hex 32, or empty to disable /fleet/sessions',
          ),
        );
        await refused(loadConfig({ server_auth: { fleet_mint_secret: 'a'.repeat(31) } }, {}));
      });

      it('accepts 32 bytes or more, and empty (the endpoint off)', async () => {
        for (const secret of ['a'.repeat(32), '', 'é'.repeat(16)]) {
          expect((await loadConfig({ server_auth: { fleet_mint_secret: secret } }, {})).server_auth.fleet_mint_secret).to.equal(secret);
        }
      });
    });

    describe('when the fleet lifetimes disagree', () => {
      it('refuses a default lifetime above the ceiling', async () => {
        const document = { server_auth: { fleet_session_ttl_seconds: 7200, fleet_max_ttl_seconds: 3600 } };
        const error = await refused(loadConfig(document, {}));
        expect(error.message).to.equal(
          invalid('server_auth.fleet_session_ttl_seconds: must be <= server_auth.fleet_max_ttl_seconds (7200 > 3600)'),
        );
      });

      it('reports every failed check together', async () => {
        const document = {
          server_auth: { auto_create_admin: true, fleet_session_ttl_seconds: 7200, fleet_max_ttl_seconds: 3600 },
        };
        const error = await refused(loadConfig(document, {}));
        expect(error.message).to.equal(
          invalid(
            'server_auth.admin_password: the default password is refused unless server_auth.development is true',
            'server_auth.fleet_session_ttl_seconds: must be <= server_auth.fleet_max_ttl_seconds (7200 > 3600)',
          ),
        );
      });
    });

    describe('when called with config/server-auth.yaml', () => {
      const file = join(PROJECT_ROOT, 'config', 'server-auth.yaml');

      it('loads and equals the defaults, except that keys persist under .data/keys', async () => {
        expect(await loadConfig(file, {})).to.deep.equal({
          ...DEFAULTS,
          server_auth: { ...DEFAULTS.server_auth, key_directory: '.data/keys' },
        });
      });

      it('reads the port from PICO_PORT', async () => {
        expect((await loadConfig(file, { PICO_PORT: '9100' })).server.port).to.equal(9100);
      });

      it('lists every server_auth key explicitly', () => {
        const document = parse(readFileSync(file, 'utf8')) as { server_auth: Record<string, unknown> };
        expect(Object.keys(document.server_auth).sort()).to.deep.equal(Object.keys(DEFAULTS.server_auth).sort());
      });
    });
  });

  describe('defaultConfig()', () => {
    it('returns the defaults, deep-frozen', () => {
      const config = defaultConfig();
      expect(config).to.deep.equal(DEFAULTS);
      expect(Object.isFrozen(config.server_auth.fleet_allowed_roles)).to.equal(true);
    });
  });
});

describe('config/schema', () => {
  describe('configSchema', () => {
    type Node = { description?: unknown; default?: unknown; properties?: Record<string, Node> };
    const walk = (node: Node, path: string, visit: (path: string, node: Node) => void): void => {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        visit(`${path}${key}`, child);
        walk(child, `${path}${key}.`, visit);
      }
    };

    it('gives every property a description and a default', () => {
      const missing: string[] = [];
      walk(configSchema as Node, '', (path, node) => {
        if (typeof node.description !== 'string' || node.default === undefined) missing.push(path);
      });
      expect(missing).to.deep.equal([]);
    });

    it('has exactly the documented server_auth keys', () => {
      expect(Object.keys(configSchema.properties.server_auth.properties).sort()).to.deep.equal(
        Object.keys(DEFAULTS.server_auth).sort(),
      );
    });
  });
});

describe('config/interpolate', () => {
  describe('interpolateEnv()', () => {
    it('leaves non-string values alone and returns a copy', () => {
      const input = { a: 1, b: [true, null, '${X:y}'] };
      expect(interpolateEnv(input, {})).to.deep.equal({ a: 1, b: [true, null, 'y'] });
      expect(input.b[2]).to.equal('${X:y}');
    });

    it('starts error paths at the given path', () => {
      expect(() => interpolateEnv({ secret: '${S}' }, {}, 'server_auth')).to.throw(
        ConfigError,
        'server_auth.secret: environment variable S is not set and has no default',
      );
    });

    it('names the root when the value itself is a string', () => {
      expect(() => interpolateEnv('${S}', {})).to.throw(ConfigError, '(root): environment variable S');
    });
  });
});

describe('config/deepFreeze', () => {
  describe('deepFreeze()', () => {
    it('freezes nested objects and arrays and returns its argument', () => {
      const value = { a: { b: [{ c: 1 }] } };
      expect(deepFreeze(value)).to.equal(value);
      expect(Object.isFrozen(value.a.b[0])).to.equal(true);
    });

    it('handles cycles', () => {
      const value: { self?: unknown; list: unknown[] } = { list: [] };
      value.self = value;
      value.list.push(value);
      expect(Object.isFrozen(deepFreeze(value).list)).to.equal(true);
    });

    it('leaves objects that are not plain alone', () => {
      const date = new Date(0);
      deepFreeze({ date });
      expect(Object.isFrozen(date)).to.equal(false);
    });
  });
});
