/**
 * @module http/validation/requestParser
 * One request shape: its JSON Schema (the object the OpenAPI document will
 * publish), the contract's detail for each way it can fail, and the step
 * from the validated wire value to the typed input a service takes. The
 * schema is compiled once, when the schema's module loads, never per request,
 * and the parser is recorded by route, so the list of published schemas
 * needs no entry of its own when a route is added.
 */
import type { SchemaObject } from 'ajv';
import { InvalidRequest } from '../../errors/errors.js';
import { detailFor, type DetailRule } from './detailFor.js';
import { requestAjv } from './requestAjv.js';

export interface RequestShape<Wire, Input> {
  /** The route, `METHOD /path` under the auth base path, e.g. `POST /sign-in`. */
  readonly route: string;
  /** Which part of the request the schema describes. */
  readonly part: 'body' | 'query';
  /** JSON Schema 2020-12, with a `description` on the schema and on each member. */
  readonly schema: SchemaObject;
  /** Which failure gives which `detail`, in the contract's order of checks. */
  readonly details: readonly DetailRule[];
  /** Wire value (already valid) to service input: defaults, numbers from query strings. May throw `InvalidRequest`. */
  readonly toInput: (wire: Wire) => Input;
}

export interface RequestParser<Input> {
  readonly route: string;
  readonly part: 'body' | 'query';
  readonly schema: SchemaObject;
  /** The typed input, or `InvalidRequest` (400) with the contract's detail. */
  parse(value: unknown): Input;
}

/** Shown only if a schema rejects something its rules do not name: a bug, still a 400. */
const FALLBACK_DETAIL = 'invalid request';

/** Every parser made so far, by route: what the OpenAPI document is built from. */
const parsers: RequestParser<unknown>[] = [];

export function requestParser<Wire, Input>(shape: RequestShape<Wire, Input>): RequestParser<Input> {
  const validate = requestAjv.compile<Wire>(shape.schema);
  const parser: RequestParser<Input> = Object.freeze({
    route: shape.route,
    part: shape.part,
    schema: shape.schema,
    parse(value: unknown): Input {
      if (!validate(value)) {
        throw new InvalidRequest(detailFor(validate.errors ?? [], shape.details, FALLBACK_DETAIL));
      }
      return shape.toInput(value);
    },
  });
  parsers.push(parser);
  return parser;
}

/** The parsers of every schema module loaded (each controller imports those of its routes). */
export function requestParsers(): readonly RequestParser<unknown>[] {
  return parsers;
}
