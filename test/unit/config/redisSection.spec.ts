/**
 * @module test/unit/config/redisSection
 * The `redis:` section of the configuration file: off by default, validated
 * like every other section, and readable from the environment.
 */
import { expect } from 'chai';
import { loadConfig } from '../../../src/config/loadConfig.js';
import { ConfigError } from '../../../src/errors/ConfigError.js';

async function refusal(document: Record<string, unknown>): Promise<string> {
  const error = await loadConfig(document, {}).then(() => expect.fail('expected a ConfigError'), (e: unknown) => e);
  expect(error).to.be.instanceOf(ConfigError);
  return (error as ConfigError).message;
}

describe('config: redis section', () => {
  it('when absent, and loaded, is disabled with the documented defaults', async () => {
    expect((await loadConfig({}, {})).redis).to.deep.equal({
      url: '', key_prefix: 'pico-auth:', connect_timeout_ms: 5000, command_timeout_ms: 2000, key_store: false,
    });
  });

  it('when every key is commented out (null), and loaded, is the defaults', async () => {
    expect((await loadConfig({ redis: null }, {})).redis.url).to.equal('');
  });

  it('when the URL comes from the environment, and loaded, uses it', async () => {
    const config = await loadConfig({ redis: { url: '${REDIS_URL:}', connect_timeout_ms: '${REDIS_TIMEOUT:250}' } }, {
      REDIS_URL: 'rediss://user:pw@cache.internal:6380/1',
    });

    expect(config.redis.url).to.equal('rediss://user:pw@cache.internal:6380/1');
    expect(config.redis.connect_timeout_ms).to.equal(250);
  });

  it('when the URL is not redis:// or rediss://, refuses it naming redis.url', async () => {
    expect(await refusal({ redis: { url: 'http://127.0.0.1:6379' } })).to.contain('redis.url: must match pattern');
  });

  it('when a key is unknown or a timeout is out of range, refuses naming each key path', async () => {
    const message = await refusal({ redis: { host: 'x', connect_timeout_ms: 5, key_prefix: '' } });

    expect(message).to.contain('redis.host: unknown key');
    expect(message).to.contain('redis.connect_timeout_ms: must be >= 100');
    expect(message).to.contain('redis.key_prefix: must NOT have fewer than 1 characters');
  });

  it('when key_store is on without a url, refuses naming redis.key_store', async () => {
    expect(await refusal({ redis: { key_store: true } })).to.contain('redis.key_store: needs redis.url');
    const config = await loadConfig({ redis: { url: 'redis://127.0.0.1:6379', key_store: true } }, {});
    expect(config.redis.key_store).to.equal(true);
  });
});
