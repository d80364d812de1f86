import { INVITABLE_ROLES, type Role } from '../team/roles.ts';
import { Refusal } from './refusal.ts';

/**
 * Checks of the small request bodies and parameters, by hand: each is a few fields, and a
 * refusal must name the field. docs/schemas/sync-protocol.schema.json describes the same
 * shapes for other implementations (tests/server/protocol-schema.test.ts holds them together).
 */

/** The id pattern of the exchange format (incident, event and device ids). */
const ID = /^[0-9A-Za-z][0-9A-Za-z._:-]{0,99}$/;
const CURSOR = /^(0|[1-9][0-9]{0,18})$/;

function record(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new Refusal('invalid-request', 'body must be a JSON object');
  return body as Record<string, unknown>;
}

export function parseId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID.test(value)) throw new Refusal('invalid-request', `${field} is not a valid id`);
  return value;
}

export function parsePushBody(body: unknown): unknown[] {
  const { events } = record(body);
  if (!Array.isArray(events)) throw new Refusal('invalid-request', 'events must be an array');
  return events;
}

export function parseCursor(value: unknown): string {
  if (value === undefined) return '0';
  if (typeof value !== 'string' || !CURSOR.test(value) || BigInt(value) > 9223372036854775807n)
    throw new Refusal('invalid-request', 'after must be a cursor from an earlier response');
  return value;
}

/** The optional `check` beside `after`: the cursorCheck the server gave with that cursor. */
export function parseCursorCheck(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !ID.test(value))
    throw new Refusal('invalid-request', 'check must be a cursorCheck from an earlier response');
  return value;
}

export function parseLimit(value: unknown, max: number): number {
  if (value === undefined) return max;
  const n = typeof value === 'string' && /^[0-9]{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 1 && n <= max)) throw new Refusal('invalid-request', `limit must be 1 to ${max}`);
  return n;
}

export function parseInviteBody(body: unknown): Role {
  const { role } = record(body);
  if (!INVITABLE_ROLES.includes(role as never))
    throw new Refusal('invalid-request', `role must be one of ${INVITABLE_ROLES.join(', ')}`);
  return role as Role;
}

export interface RedeemBody {
  code: string;
  deviceId: string;
  name: string;
}

export function parseRedeemBody(body: unknown): RedeemBody {
  const { code, deviceId, name } = record(body);
  if (typeof code !== 'string' || code.length > 100) throw new Refusal('invalid-request', 'code must be a string');
  const id = parseId(deviceId, 'deviceId');
  if (typeof name !== 'string' || name.trim().length === 0 || [...name].length > 100)
    throw new Refusal('invalid-request', 'name must be 1 to 100 characters');
  return { code, deviceId: id, name: name.trim() };
}

export function parseDeviceNumber(value: unknown): number {
  const n = typeof value === 'string' && /^[1-9][0-9]{0,15}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new Refusal('invalid-request', 'device must be a device number');
  return n;
}
