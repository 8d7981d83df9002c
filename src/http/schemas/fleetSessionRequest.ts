/**
 * @module http/schemas/fleetSessionRequest
 * `POST /fleet/sessions` body. The rules keep the order the endpoint has
 * always checked in: each id's type and length, then both present, then the
 * optional members.
 */
import type { FleetSessionRequest } from '../../services/FleetService.js';
import { requestParser, type RequestParser } from '../validation/requestParser.js';
import { BODY_MUST_BE_OBJECT } from './bodyObject.js';
import type { DetailRule } from '../validation/detailFor.js';

const MAX_FIELD_LENGTH = 256;
const DEFAULT_ROLE = 'agent';

interface FleetSessionWire {
  readonly session_id: string;
  readonly agent_id: string;
  readonly role?: string | null;
  readonly scope?: string | null;
  readonly ttl?: number | null;
}

/** The type and length rules of one string member. */
function stringRules(field: string): DetailRule[] {
  return [
    { fields: [field], failures: ['type'], detail: `${field} must be a string` },
    { fields: [field], failures: ['tooLong'], detail: `${field} must be at most ${MAX_FIELD_LENGTH} characters` },
  ];
}

const id = (description: string): object => ({ type: 'string', minLength: 1, maxLength: MAX_FIELD_LENGTH, description });
const optional = (description: string): object => ({ type: ['string', 'null'], maxLength: MAX_FIELD_LENGTH, description });

export const fleetSessionRequest: RequestParser<FleetSessionRequest> = requestParser<FleetSessionWire, FleetSessionRequest>({
  route: 'POST /fleet/sessions',
  part: 'body',
  schema: {
    type: 'object',
    description: 'Mints a session token for an agent; needs the X-Fleet-Secret header.',
    required: ['session_id', 'agent_id'],
    properties: {
      session_id: id('The session; becomes the token subject and its session_id claim.'),
      agent_id: id('The agent; its agent_id claim.'),
      role: { ...optional('Role of the token; must be listed in fleet_allowed_roles.'), default: DEFAULT_ROLE },
      scope: optional('Put in the token as its scope claim when given.'),
      ttl: {
        type: ['number', 'null'],
        description: 'Lifetime in seconds; clamped to [60, fleet_max_ttl_seconds]. Default fleet_session_ttl_seconds.',
      },
    },
  },
  details: [
    BODY_MUST_BE_OBJECT,
    ...stringRules('session_id'),
    ...stringRules('agent_id'),
    { fields: ['session_id', 'agent_id'], failures: ['missing'], detail: 'session_id and agent_id required' },
    ...stringRules('role'),
    ...stringRules('scope'),
    { fields: ['ttl'], failures: ['type'], detail: 'ttl must be a number of seconds' },
  ],
  toInput: ({ session_id, agent_id, role, scope, ttl }) => ({
    session_id,
    agent_id,
    role: role ?? DEFAULT_ROLE,
    ...(scope === undefined || scope === null ? {} : { scope }),
    ...(ttl === undefined || ttl === null ? {} : { ttl }),
  }),
});
