/**
 * @module cli/mint
 * `pico-server-auth mint --sub NAME --role ROLE --ttl 30d [--scope S] [--config FILE]`:
 * mints a service token with the server's own keys and records it in the
 * server's mint audit, so an operator can configure a remote validator's
 * bearer (for `/revoked-jtis`) without code. Prints the token alone on stdout.
 */
import { ContainerModule } from 'inversify';
import { init } from '../boot/init.js';
import { TYPES } from '../identifiers.js';
import { stderrLogger } from '../logging/Logger.js';
import { closeStores } from '../stores/connectStores.js';
import { refuseUnknownOptions, type ParsedArgs } from './args.js';
import { parseDuration } from './duration.js';
import { configPath, packageRoot } from './paths.js';

const MIN_TTL_SECONDS = 60;
const MAX_TTL_SECONDS = 10 * 365 * 86_400;

function required(args: ParsedArgs, name: string): string {
  const value = args.options.get(name);
  if (value === undefined || value.trim() === '') throw new Error(`mint needs --${name}`);
  return value.trim();
}

export async function mint(args: ParsedArgs): Promise<void> {
  refuseUnknownOptions(args, ['config', 'sub', 'role', 'ttl', 'scope']);
  const sub = required(args, 'sub');
  const role = required(args, 'role');
  const ttlSeconds = parseDuration(required(args, 'ttl'));
  if (ttlSeconds < MIN_TTL_SECONDS || ttlSeconds > MAX_TTL_SECONDS) {
    throw new Error(`--ttl must be between ${MIN_TTL_SECONDS} seconds and 10 years`);
  }
  const scope = args.options.get('scope');

  // stdout carries the token alone, so scripts can capture it: logs go to stderr.
  const quiet = new ContainerModule((bind) => void bind(TYPES.Logger).toConstantValue(stderrLogger));
  const container = await init({ modules: [quiet], config: configPath(args), root: packageRoot });
  if (container.get(TYPES.KeyStore).describe?.().shared === false) {
    // A key made up for this process alone would sign a token no server accepts.
    throw new Error(
      "mint needs the server's persistent keys: set server_auth.key_directory (or redis.key_store) in the config",
    );
  }
  const minted = await container.get(TYPES.TokenIssuer).mint({
    sub,
    role,
    ttlSeconds,
    kind: 'service',
    ...(scope === undefined ? {} : { claims: { scope } }),
  });
  process.stderr.write(`minted jti ${minted.jti} for ${sub} (role ${role}), expires ${new Date(minted.exp * 1000).toISOString()}\n`);
  process.stdout.write(`${minted.token}\n`);
  await closeStores(container); // an open Redis client (redis:) or store file would keep the process alive
}
