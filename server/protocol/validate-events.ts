// The one place that knows where the generated exchange validator lives: the server
// holds pushed events to exactly the rules a file import applies.
import { validate as validateExchangeFile } from '../../src/exchange/format/generated/exchange-validator.js';
import { Refusal } from './refusal.ts';

/** The fields of an event the server itself reads; the rest is the device's business. */
export interface SyncEvent {
  id: string;
  incidentId: string;
  at: string;
  actor: string;
  device: string;
  type: string;
  payload: Record<string, unknown>;
}

export const MAX_EVENTS_PER_PUSH = 1000;

/**
 * The generated validator checks whole exchange files; a batch of events is checked by
 * putting it into the smallest valid file around it. Its summary is never stored: only
 * the events' verdict counts, and the validator checks each event against its own type's
 * payload (discriminator) whatever incident it is listed under. Unknown keys are stripped
 * from the events in place, as in an import, so the stored event is what the app reads.
 */
const ENVELOPE = {
  format: 'handelingskader-export',
  version: 1,
  exportedAt: '2026-01-01T00:00:00.000Z',
  contentVersion: 'sync',
  app: { name: 'sync-server', version: '1' },
  anonymised: false,
} as const;
const SUMMARY = {
  id: 'batch',
  status: 'open',
  kind: 'explosie',
  target: 'woning',
  municipality: '',
  title: '',
  occurredAt: '2026-01-01',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  phase: 'direct-na',
  progress: {},
  contentVersion: 'sync',
  linkedIncidentIds: [],
} as const;

const EVENTS_PATH = /^\/incidents\/0\/events\/(\d+)(.*)$/;

export function validateEvents(events: unknown): SyncEvent[] {
  if (!Array.isArray(events)) throw new Refusal('invalid-request', 'events must be an array');
  if (events.length === 0 || events.length > MAX_EVENTS_PER_PUSH)
    throw new Refusal('invalid-request', `events must hold 1 to ${MAX_EVENTS_PER_PUSH} items`);
  const file = { ...ENVELOPE, incidents: [{ incident: { ...SUMMARY }, events }] };
  if (!validateExchangeFile(file)) {
    const issue = validateExchangeFile.errors?.[0];
    const match = EVENTS_PATH.exec(issue?.instancePath ?? '');
    const where = match ? `events/${match[1]}${match[2]}` : (issue?.instancePath ?? '');
    throw new Refusal('invalid-event', `${where}: ${issue?.keyword ?? 'invalid'}`);
  }
  return events as SyncEvent[];
}
