/**
 * @module http/validation/requestAjv
 * The one Ajv instance for request bodies and queries. JSON Schema 2020-12,
 * the dialect of OpenAPI 3.1, so the schemas in `http/schemas/` can be put in
 * the OpenAPI document as they are. `allErrors` because the detail a client
 * sees is picked by the contract's order of checks (see `detailFor`), not by
 * the order Ajv happens to visit keywords in; `verbose` puts the offending
 * value on each error, which tells "null" (treated as absent) from a wrong type.
 * No defaults and no coercion: validation never rewrites the request.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';

export const requestAjv = new Ajv2020({
  allErrors: true,
  verbose: true,
  strict: true,
  allowUnionTypes: true,
  useDefaults: false,
  coerceTypes: false,
});
