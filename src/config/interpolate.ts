/**
 * @module config/interpolate
 * `${VAR}` and `${VAR:default}` placeholders in configuration strings.
 *
 * - Placeholders may appear several times in a string and inside text:
 *   `http://${HOST:localhost}:${PORT:8100}`.
 * - The default applies only when the variable is unset; a variable set to ""
 *   yields "". Everything after the first `:` is the default, so it may contain
 *   `:` (`${ISSUER:http://localhost:8100}`) but not `}`.
 * - `$${` is a literal `${` (for secrets that contain that sequence).
 * - Substituted text is never scanned again, so a variable cannot inject
 *   another placeholder. Only values are interpolated, never keys.
 */
import { ConfigError } from '../errors/ConfigError.js';

/** `$${` (escape), `${...}` (placeholder) or a dangling `${` (error). */
const TOKEN = /\$\$\{|\$\{([^}]*)\}|\$\{/g;
const INNER = /^([A-Za-z_][A-Za-z0-9_]*)(?::([^]*))?$/;
/** A string that is nothing but one placeholder. */
const WHOLE = /^\$\{[A-Za-z_][A-Za-z0-9_]*(?::[^}]*)?\}$/;

/** Minimal view of the schema needed to coerce placeholder values. */
export interface SchemaNode {
  readonly type?: string;
  readonly properties?: { readonly [key: string]: SchemaNode };
  readonly items?: SchemaNode;
}

/** Dotted key path of a child: `a.b`, `a.list[2]`; `(root)` for the document itself. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

function where(path: string): string {
  return path === '' ? '(root)' : path;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function interpolateString(text: string, env: NodeJS.ProcessEnv, path: string): string {
  return text.replace(TOKEN, (token: string, inner: string | undefined): string => {
    if (token === '$${') return '${';
    if (inner === undefined) {
      throw new ConfigError(`${where(path)}: unterminated placeholder "\${" (write "$\${" for a literal "\${")`);
    }
    const match = INNER.exec(inner);
    if (match === null) {
      throw new ConfigError(`${where(path)}: malformed placeholder "${token}" (expected \${VAR} or \${VAR:default})`);
    }
    const [, name, fallback] = match as unknown as [string, string, string | undefined];
    const value = Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
    if (value !== undefined) return value;
    if (fallback !== undefined) return fallback;
    throw new ConfigError(`${where(path)}: environment variable ${name} is not set and has no default`);
  });
}

/**
 * Returns a copy of `value` with every placeholder in every string replaced.
 * Results stay strings; see {@link coercePlaceholders} for typed keys.
 * @param path dotted key path of `value`, used in error messages.
 * @throws ConfigError naming the key path and the variable.
 */
export function interpolateEnv(value: unknown, env: NodeJS.ProcessEnv, path = ''): unknown {
  if (typeof value === 'string') return interpolateString(value, env, path);
  if (Array.isArray(value)) return value.map((item, index) => interpolateEnv(item, env, childPath(path, index)));
  if (isPlainObject(value)) {
    // fromEntries defines own properties, so a `__proto__` key stays a key
    // (and is then refused as unknown) instead of replacing the prototype.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, interpolateEnv(item, env, childPath(path, key))]),
    );
  }
  return value;
}

function coerceScalar(text: string, type: string | undefined): unknown {
  const trimmed = text.trim();
  if ((type === 'integer' || type === 'number') && /^[+-]?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (type === 'boolean' && /^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === 'true';
  return text;
}

/**
 * Where the raw document held a string that was exactly one placeholder and
 * the schema wants an integer, number or boolean there, converts the
 * interpolated string (`port: ${PORT:8100}` gives 8100). Nothing else is
 * coerced: a literal `port: "8100"` or `port: ~` is still refused by the
 * schema, and a string that does not parse is left for the schema to refuse.
 * `raw` and `value` must have the same shape (`value = interpolateEnv(raw)`).
 */
export function coercePlaceholders(raw: unknown, value: unknown, schema: SchemaNode): unknown {
  if (typeof raw === 'string' && typeof value === 'string') {
    return WHOLE.test(raw) ? coerceScalar(value, schema.type) : value;
  }
  if (Array.isArray(raw) && Array.isArray(value)) {
    const items = schema.items;
    return items === undefined ? value : value.map((item, index) => coercePlaceholders(raw[index], item, items));
  }
  if (isPlainObject(raw) && isPlainObject(value)) {
    const properties = schema.properties ?? {};
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        const sub = Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
        return [key, sub === undefined ? item : coercePlaceholders(raw[key], item, sub)];
      }),
    );
  }
  return value;
}
