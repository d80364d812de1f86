import type { FastifyInstance } from 'fastify';
import type { StreamHub } from '../live/stream-hub.ts';
import { REFUSALS, Refusal } from '../protocol/refusal.ts';
import { parseCursor, parseCursorCheck } from '../protocol/requests.ts';
import type { Database } from '../store/database.ts';
import { checkOf, cursorKnown } from '../store/pull-changes.ts';
import { issueTicket, redeemTicket } from '../store/tickets-store.ts';
import { deviceOf } from './auth.ts';
import { SECURITY_HEADERS } from './static-files.ts';

const KEEPALIVE_MS = 20_000;

/**
 * Server-Sent Events: `changes` (a page of changes and the cursor after it), `ready` (the
 * stream has caught up), `local-layer` (the team's local layer has a new revision), `revoked`
 * (then the stream ends). The event id is the cursor.
 * The client never relies on EventSource's own reconnect (the ticket is single-use): on
 * an error it fetches a new ticket and reconnects with `after` = its last cursor.
 */
export function streamRoutes(app: FastifyInstance, db: Database, hub: StreamHub): void {
  const open = new Set<() => void>();
  // A shutdown (deploy, restart) ends the streams; the clients reconnect elsewhere with their cursor.
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });

  app.post('/api/sync/v1/stream-tickets', async (request) => {
    const device = await deviceOf(db, request);
    return issueTicket(db, device);
  });

  app.get('/api/sync/v1/stream', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const after = parseCursor(query.after);
    let check = parseCursorCheck(query.check);
    const device = await redeemTicket(db, query.ticket);
    // Refused before the stream opens; EventSource sees only an error, and the client's next
    // pull (which precedes every stream) gets the reason.
    if (!(await cursorKnown(db, device.teamId, after, check)))
      throw new Refusal('cursor-unknown', `no change ${check} at seq ${after}`);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // nginx would otherwise buffer the stream.
      'X-Accel-Buffering': 'no',
      Connection: 'keep-alive',
    });
    res.write(': stream open\n\n');
    const send = (event: string, data: unknown, id?: string) => {
      res.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    let remove = () => {};
    const end = () => {
      open.delete(end);
      clearInterval(keepalive);
      remove();
      res.end();
    };
    open.add(end);
    remove = hub.add({
      device,
      cursor: after,
      deliver: (json, cursor, changes) => {
        check = checkOf(changes.at(-1)!);
        res.write(
          `id: ${cursor}\nevent: changes\ndata: {"changes":${json},"cursor":"${cursor}","cursorCheck":${JSON.stringify(check)}}\n\n`,
        );
      },
      ready: (cursor) => send('ready', check === undefined ? { cursor } : { cursor, cursorCheck: check }),
      localLayer: (revision) => send('local-layer', { revision }),
      revoked: () => {
        send('revoked', { code: 'device-revoked', message: REFUSALS['device-revoked'][1] });
        end();
      },
    });
    // The response's 'close' fires when the connection goes (the request's may fire earlier).
    res.on('close', end);
    if (res.destroyed) end();
  });
}
