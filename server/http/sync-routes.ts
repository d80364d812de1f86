import type { FastifyInstance } from 'fastify';
import { Refusal } from '../protocol/refusal.ts';
import { parseCursor, parseCursorCheck, parseLimit, parsePushBody } from '../protocol/requests.ts';
import { validateEvents } from '../protocol/validate-events.ts';
import { logReads } from '../store/access-log.ts';
import type { Database } from '../store/database.ts';
import { cursorCheckOf, cursorKnown, incidentsOf, MAX_PULL, pullChanges } from '../store/pull-changes.ts';
import { pushEvents } from '../store/push-events.ts';
import { deviceOf, writerOf } from './auth.ts';

/** A push of 1,000 events with long texts; larger batches are split by the client. */
export const PUSH_BODY_LIMIT = 8 * 1024 * 1024;

export function syncRoutes(app: FastifyInstance, db: Database): void {
  app.post('/api/sync/v1/events', { bodyLimit: PUSH_BODY_LIMIT }, async (request) => {
    // Who before what: an unknown or read-only device is refused whatever it sent.
    const device = await writerOf(db, request);
    const events = validateEvents(parsePushBody(request.body));
    const foreign = events.find((e) => e.device !== device.installationId);
    if (foreign) throw new Refusal('foreign-device-event', `event ${foreign.id} carries another device id`);
    return pushEvents(db, device, events);
  });

  app.get('/api/sync/v1/events', async (request) => {
    const device = await deviceOf(db, request);
    const query = request.query as Record<string, unknown>;
    const after = parseCursor(query.after);
    const check = parseCursorCheck(query.check);
    const limit = parseLimit(query.limit, MAX_PULL);
    if (!(await cursorKnown(db, device.teamId, after, check)))
      throw new Refusal('cursor-unknown', `no change ${check} at seq ${after}`);
    const page = await pullChanges(db, device.teamId, after, limit);
    await logReads(db, [{ device, incidentIds: incidentsOf(page.changes) }]);
    const cursorCheck = cursorCheckOf(page, check);
    return cursorCheck === undefined ? page : { ...page, cursorCheck };
  });
}
