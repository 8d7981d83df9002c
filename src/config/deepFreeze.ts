/**
 * @module config/deepFreeze
 * Recursive `Object.freeze` for the validated configuration, so no service
 * can change a setting another one already read.
 */

function isFreezable(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Freezes `value` and every plain object and array reachable from it, then
 * returns it. Other objects (Date, Map, class instances) are left as they are:
 * freezing them would not make them immutable. Cycles are handled.
 */
export function deepFreeze<T>(value: T): T {
  const seen = new WeakSet<object>();
  const visit = (node: unknown): void => {
    if (!isFreezable(node) || seen.has(node)) return;
    seen.add(node);
    for (const key of Reflect.ownKeys(node)) {
      visit((node as Record<PropertyKey, unknown>)[key]);
    }
    Object.freeze(node);
  };
  visit(value);
  return value;
}
