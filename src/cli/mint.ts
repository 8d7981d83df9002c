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

function required(args: ParsedArgs, name: string): string {
  const value = args.options.get(name);
  if (value === undefined || value.trim() === '') throw new Error(`mint needs --${name}`);
  return value.trim();
}

export async function mint(args: ParsedArgs): Promise<void> {
  refuseUnknownOptions(args, ['config', 'sub', 'role', 'ttl', 'scope', 'force']);
  const sub = required(args, 'sub');
  const role = required(args, 'role');
  const ttlSeconds = parseDuration(required(args, 'ttl'));
  const scope = args.options.get('scope');

  // stdout carries the token alone, so scripts can capture it: logs go to stderr.
  const quiet = new ContainerModule((bind) => void bind(TYPES.Logger).toConstantValue(stderrLogger));
  const container = await init({ modules: [quiet], config: configPath(args), root: packageRoot });
  // The ceiling is one the key retirement window counts: no token outlives the key that signed it.
  const ceiling = container.get(TYPES.ServerAuthSettings).service_token_max_ttl_seconds;
  if (ttlSeconds < MIN_TTL_SECONDS || ttlSeconds > ceiling) {
    await closeStores(container);
    throw new Error(
      `--ttl must be between ${MIN_TTL_SECONDS} seconds and server_auth.service_token_max_ttl_seconds (${ceiling} s)`,
    );
  }
  if (container.get(TYPES.KeyStore).describe?.().shared === false) {
    // A key made up for this process alone would sign a token no server accepts.
    throw new Error(
      "mint needs the server's persistent keys: set server_auth.key_directory (or redis.key_store) in the config",
    );
  }
  const { server_auth: settings, redis } = container.get(TYPES.PicoConfig);
  if (settings.mint_audit_path === '' && redis.url === '' && !args.flags.has('force')) {
    // The audit would live in this process alone: the server's /mints would never list the token.
    await closeStores(container);
    throw new Error(
      'the mint audit is in memory (server_auth.mint_audit_path is empty and there is no redis.url): ' +
        "the server's /mints would never list this token; set one, or pass --force to mint it unaudited",
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
