/**
 * @module config/loadConfig
 * Configuration in steps: read the file, parse the YAML, require a top-level
 * mapping, interpolate `${VAR}`, validate and default with Ajv, run the
 * cross-field checks, deep-freeze. Every failure is a ConfigError naming the
 * file (when there is one) and the dotted key path.
 */
import { readFile } from 'node:fs/promises';
import { Ajv, type ErrorObject } from 'ajv';
import { parseDocument } from 'yaml';
import { ConfigError } from '../errors/ConfigError.js';
import { runChecks } from './checks.js';
import { deepFreeze } from './deepFreeze.js';
import { childPath, coercePlaceholders, interpolateEnv } from './interpolate.js';
import { configSchema } from './schema.js';
import type { PicoConfig } from './ServerAuthSettings.js';

// coerceTypes stays off: only whole `${VAR}` strings are converted, by
// coercePlaceholders, so `port: ~` or `auto_create_admin: 1` are still refused.
const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, removeAdditional: false, coerceTypes: false });
const validate = ajv.compile<PicoConfig>(configSchema);

const SECTIONS = Object.keys(configSchema.properties);

function invalid(file: string | undefined, problems: readonly string[], cause?: unknown): ConfigError {
  const prefix = file === undefined ? 'invalid configuration:' : `invalid configuration in ${file}:`;
  return new ConfigError(`${prefix}\n  ${problems.join('\n  ')}`, cause === undefined ? undefined : { cause });
}

function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object that is not a plain mapping' : `a ${typeof value}`;
}

async function readYaml(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read configuration file ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
    const [first] = doc.errors;
    if (first !== undefined) {
      const messages = doc.errors.map((error) => error.message.trimEnd()).join('\n');
      throw new ConfigError(`invalid YAML in configuration file ${file}: ${messages}`, { cause: first });
    }
    // An empty file, or one holding only comments, is an empty configuration.
    return doc.toJS() ?? {};
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`invalid YAML in configuration file ${file}: ${(error as Error).message}`, { cause: error });
  }
}

function cloneObject(source: Record<string, unknown>): unknown {
  try {
    return structuredClone(source);
  } catch (error) {
    throw invalid(undefined, [`(root): cannot copy the configuration object: ${(error as Error).message}`], error);
  }
}

function requireMapping(document: unknown, file: string | undefined): Record<string, unknown> {
  const proto: unknown = document !== null && typeof document === 'object' ? Object.getPrototypeOf(document) : undefined;
  if (Array.isArray(document) || (proto !== Object.prototype && proto !== null)) {
    throw invalid(file, [`(root): must be a mapping with server_auth and server keys, got ${describeKind(document)}`]);
  }
  const mapping = { ...(document as Record<string, unknown>) };
  // `server_auth:` with every key commented out parses as null: an empty section.
  for (const section of SECTIONS) {
    if (Object.prototype.hasOwnProperty.call(mapping, section) && mapping[section] === null) mapping[section] = {};
  }
  return mapping;
}

/** Turns an Ajv JSON pointer into the dotted path used in messages, walking `data` to tell list indices. */
function pointerToPath(pointer: string, data: unknown): string {
  let path = '';
  let node = data;
  for (const segment of pointer.split('/').slice(1)) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    const isIndex = Array.isArray(node) && /^\d+$/.test(key);
    path = childPath(path, isIndex ? Number(key) : key);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return path;
}

function renderError(error: ErrorObject, data: unknown): string {
  const path = pointerToPath(error.instancePath, data);
  const at = (p: string): string => (p === '' ? '(root)' : p);
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    return `${at(childPath(path, key))}: unknown key`;
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: readonly unknown[] }).allowedValues;
    return `${at(path)}: ${error.message ?? 'is invalid'}: ${allowed.map(String).join(', ')}`;
  }
  if (error.keyword === 'pattern' && path === 'server_auth.issuer') {
    return `${path}: must start with http:// or https:// (${error.message ?? 'is invalid'})`;
  }
  return `${at(path)}: ${error.message ?? 'is invalid'}`;
}

/** Interpolates, coerces, validates, defaults, checks and freezes a parsed top-level mapping. */
function settle(raw: Record<string, unknown>, env: NodeJS.ProcessEnv, file: string | undefined): PicoConfig {
  let document: unknown;
  try {
    document = coercePlaceholders(raw, interpolateEnv(raw, env), configSchema);
  } catch (error) {
    if (error instanceof ConfigError) throw invalid(file, error.message.split('\n'), error);
    throw error;
  }

  if (!validate(document)) {
    const errors = validate.errors ?? [];
    throw invalid(file, errors.map((error) => renderError(error, document)));
  }

  try {
    runChecks(document);
  } catch (error) {
    if (error instanceof ConfigError) throw invalid(file, error.message.split('\n'), error);
    throw error;
  }
  return deepFreeze(document);
}

/**
 * Loads, validates, defaults and deep-freezes a configuration.
 * @param source a YAML file path, or an already parsed document (deep-cloned
 *   first, never mutated).
 * @param env the environment `${VAR}` placeholders read; pass one explicitly
 *   in tests.
 * @throws ConfigError naming the file (when there is one) and every bad key path.
 */
export async function loadConfig(
  source: string | Record<string, unknown>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PicoConfig> {
  if (typeof source === 'string') return settle(requireMapping(await readYaml(source), source), env, source);
  return settle(requireMapping(cloneObject(source), undefined), env, undefined);
}

/** The documented defaults (an empty document), validated and deep-frozen; a fresh object per call. */
export function defaultConfig(): PicoConfig {
  return settle({}, {}, undefined);
}
