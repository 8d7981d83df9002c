/**
 * @module tokens/TokenAlgorithm
 * The JWS algorithms this server can sign tokens with (`server_auth.algorithm`).
 * The names live in the leaf `algorithms/names.ts` (config reads them too);
 * the implementations, one file each, in `tokens/algorithms/` and the
 * registry `tokenAlgorithms.ts`.
 */
export { isTokenAlgorithm, TOKEN_ALGORITHMS } from '../algorithms/names.js';
export type { TokenAlgorithm } from '../algorithms/names.js';
