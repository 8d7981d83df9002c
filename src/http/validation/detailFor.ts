/**
 * @module http/validation/detailFor
 * Turns Ajv's errors for one request into the one `detail` the contract
 * pins. Each schema comes with an ordered list of rules (which failure of
 * which field gives which detail); the first rule that matches any error
 * wins, so the detail follows the contract's order of checks whatever order
 * Ajv reported them in.
 */
import type { ErrorObject } from 'ajv';

/**
 * What went wrong with one field, in the contract's terms:
 * `missing` is absent, `null` or the empty string (every required field of
 * the contract treats them alike); `type` any other value of the wrong type.
 */
export type FieldFailure = 'missing' | 'type' | 'tooLong' | 'pattern' | 'range';

export interface DetailRule {
  /** Body or query member names; `''` is the request body or query itself. */
  readonly fields: readonly string[];
  readonly failures: readonly FieldFailure[];
  readonly detail: string;
}

interface Failure {
  readonly field: string;
  readonly failure: FieldFailure | undefined;
}

function classify(error: ErrorObject): Failure {
  if (error.keyword === 'required') {
    return { field: String((error.params as { missingProperty?: unknown }).missingProperty), failure: 'missing' };
  }
  // Top-level members only: every request of the contract is a flat object.
  const field = error.instancePath.split('/')[1] ?? '';
  switch (error.keyword) {
    case 'type':
      return { field, failure: error.data === null ? 'missing' : 'type' };
    case 'minLength':
      // Only ever `minLength: 1`: the empty string counts as absent.
      return { field, failure: error.data === '' ? 'missing' : undefined };
    case 'maxLength':
      return { field, failure: 'tooLong' };
    case 'pattern':
      return { field, failure: 'pattern' };
    case 'minimum':
    case 'maximum':
      return { field, failure: 'range' };
    default:
      return { field, failure: undefined };
  }
}

/** The detail for `errors` under `rules`; `fallback` only if a schema and its rules disagree. */
export function detailFor(errors: readonly ErrorObject[], rules: readonly DetailRule[], fallback: string): string {
  const failures = errors.map(classify);
  for (const rule of rules) {
    const hit = failures.some(
      ({ field, failure }) => failure !== undefined && rule.fields.includes(field) && rule.failures.includes(failure),
    );
    if (hit) return rule.detail;
  }
  return fallback;
}
