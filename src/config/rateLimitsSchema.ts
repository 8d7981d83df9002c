/**
 * @module config/rateLimitsSchema
 * JSON Schema of `server_auth.rate_limits` and `server_auth.trusted_proxies`
 * (abuse limits on the login routes). Every limit is `{points, window_seconds}`:
 * at most `points` requests per `window_seconds`. The defaults let a real
 * deployment keep them: a user signs in a few times a day, a NAT'd office of
 * a hundred people stays well under the per-IP numbers, and a script hammering
 * one account or guessing a password hits them within seconds.
 */

const limit = (points: number, windowSeconds: number, description: string): Record<string, unknown> => ({
  type: 'object',
  description,
  additionalProperties: false,
  default: { points, window_seconds: windowSeconds },
  properties: {
    points: { type: 'integer', minimum: 1, maximum: 1_000_000, description: 'Requests allowed per window.', default: points },
    window_seconds: {
      type: 'integer', minimum: 1, maximum: 86_400, description: 'Length of the window in seconds.', default: windowSeconds,
    },
  },
});

const route = (
  description: string,
  ip: readonly [number, number],
  account?: readonly [number, number, string],
): Record<string, unknown> => ({
  type: 'object',
  description,
  additionalProperties: false,
  default: {},
  properties: {
    per_ip: limit(ip[0], ip[1], 'Per client IP (see trusted_proxies).'),
    ...(account === undefined ? {} : { per_account: limit(account[0], account[1], account[2]) }),
  },
});

export const rateLimitsSchema = {
  type: 'object',
  description: 'Abuse limits: 429 `too many requests` with Retry-After and RateLimit headers past a limit.',
  additionalProperties: false,
  default: {},
  properties: {
    enabled: { type: 'boolean', description: 'false switches every limit off (benchmarks do).', default: true },
    challenge: route('POST /challenge.', [120, 60], [10, 60, 'Per requested address.']),
    sign_in: route('POST /sign-in.', [120, 60], [10, 60, 'Per signing address.']),
    login: route('POST /login (see login_failures for wrong passwords).', [30, 60], [20, 60, 'Per email.']),
    refresh: route('POST /refresh.', [240, 60]),
    fleet_sessions: route('POST /fleet/sessions.', [120, 60], [10, 60, 'Per session_id.']),
    login_failures: {
      type: 'object',
      description:
        'Back-off on wrong passwords. Per email and IP: after free_attempts failures, each further attempt waits ' +
        '2, 4, 8... seconds, up to max_backoff_seconds. Per email from any IP: past account_failures the account ' +
        'answers 429 until the window ends, except from IPs it logged in from in the last known_ip_days days, so a ' +
        'stranger cannot lock the real admin out.',
      additionalProperties: false,
      default: {},
      properties: {
        free_attempts: { type: 'integer', minimum: 1, maximum: 1000, description: 'Failures before the back-off starts.', default: 5 },
        max_backoff_seconds: {
          type: 'integer', minimum: 1, maximum: 86_400, description: 'Longest wait between attempts.', default: 900,
        },
        account_failures: limit(50, 900, 'Failures per email from any IP before the account is throttled.'),
        known_ip_days: {
          type: 'integer', minimum: 0, maximum: 365,
          description: 'How long an IP an account logged in from stays exempt from the account-wide throttle.',
          default: 30,
        },
      },
    },
  },
} as const;

export const trustedProxiesSchema = {
  type: 'array',
  items: { type: 'string', pattern: '^[0-9A-Fa-f:.]+(/[0-9]{1,3})?$' },
  description:
    'Proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed; the client IP is the first untrusted ' +
    'address from the right. Empty: the socket address is the client.',
  default: [],
} as const;
