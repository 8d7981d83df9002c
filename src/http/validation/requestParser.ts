/**
 * @module http/validation/requestParser
 * One request shape: its JSON Schema (the object the OpenAPI document will
 * publish), the contract's detail for each way it can fail, and the step
 * from the validated wire value to the typed input a service takes. The
 * schema is compiled once, when the schema's module loads, never per request.
 */
import type { SchemaObject } from 'ajv';
import { InvalidRequest } from '../../errors/errors.js';
import { detailFor, type DetailRule } from './detailFor.js';
import { requestAjv } from './requestAjv.js';

export interface RequestShape<Wire, Input> {
  /** JSON Schema 2020-12, with a `description` on the schema and on each member. */
  readonly schema: SchemaObject;
  /** Which failure gives which `detail`, in the contract's order of checks. */
  readonly details: readonly DetailRule[];
  /** Wire value (already valid) to service input: defaults, numbers from query strings. May throw `InvalidRequest`. */
  readonly toInput: (wire: Wire) => Input;
}

export interface RequestParser<Input> {
  readonly schema: SchemaObject;
  /** The typed input, or `InvalidRequest` (400) with the contract's detail. */
  parse(value: unknown): Input;
}

/** Shown only if a schema rejects something its rules do not name: a bug, still a 400. */
const FALLBACK_DETAIL = 'invalid request';

export function requestParser<Wire, Input>(shape: RequestShape<Wire, Input>): RequestParser<Input> {
  const validate = requestAjv.compile<Wire>(shape.schema);
  return Object.freeze({
    schema: shape.schema,
    parse(value: unknown): Input {
      if (!validate(value)) {
        throw new InvalidRequest(detailFor(validate.errors ?? [], shape.details, FALLBACK_DETAIL));
      }
      return shape.toInput(value);
    },
  });
}
