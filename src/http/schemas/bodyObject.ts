/**
 * @module http/schemas/bodyObject
 * The rule every JSON request body shares: it must be an object
 * (CONTRACT.md section 1). Listed first in each body's rules, since nothing
 * else can be said about a body that is not one.
 */
import type { DetailRule } from '../validation/detailFor.js';

export const BODY_MUST_BE_OBJECT: DetailRule = {
  fields: [''],
  failures: ['type', 'missing'],
  detail: 'request body must be a JSON object',
};
