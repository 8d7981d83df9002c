/**
 * @module http/authBasePath
 * Where every auth route lives (CONTRACT.md section 1).
 */
export const AUTH_BASE_PATH = '/api/v1/auth';
