import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceClient } from '../../server/bench/device-client.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from './support/engines.ts';
import { countEvents, incidentLog, makeTeam, pullAll, push, stepEvent } from './support/fixtures.ts';
import { listeningApp } from './support/listening.ts';

describe.each(ENGINES)('the live stream on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  const clients: DeviceClient[] = [];
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    ({ app, origin } = await listeningApp(t.db));
  });
  afterAll(async () => {
    for (const c of clients) c.stop();
    await app.close();
    await t.drop();
  });
  const stream = async (token: string) => {
    const client = new DeviceClient(origin, token);
    clients.push(client);
    await client.startStream();
    return client;
  };

  it("delivers a colleague's changes live, each once, after what was there before", async () => {
    const { coordinator, members } = await makeTeam(app, t.db);
    const adviseur = members[0]!;
    const first = incidentLog(adviseur.deviceId, 2);
    await push(app, adviseur, first.events);
    const watcher = await stream(members[1]!.token);
    expect(watcher.seen.map((c) => c.event?.id)).toEqual(first.events.map((e) => e.id));
    const next = [stepEvent(adviseur.deviceId, first.incidentId, 3), stepEvent(adviseur.deviceId, first.incidentId, 4)];
    await push(app, adviseur, next);
    const second = incidentLog(coordinator.deviceId, 1);
    await push(app, coordinator, second.events);
    await watcher.until((c) => c.seen.length === 7);
    const ids = watcher.seen.map((c) => c.event?.id);
    expect(new Set(ids).size).toBe(7);
    expect(ids.slice(3, 5)).toEqual(next.map((e) => e.id));
  });

  it('a ticket opens one stream, once, and a token in the URL opens none', async () => {
    const { members } = await makeTeam(app, t.db);
    const res = await app.inject({ method: 'POST', url: '/api/sync/v1/stream-tickets', headers: members[0]!.auth });
    const { ticket } = res.json() as { ticket: string };
    const open = async (query: string) => {
      const controller = new AbortController();
      const r = await fetch(`${origin}/api/sync/v1/stream?${query}`, { signal: controller.signal });
      const status = r.status;
      const type = r.headers.get('content-type');
      const csp = r.headers.get('content-security-policy');
      controller.abort();
      return { status, type, csp };
    };
    const opened = await open(`ticket=${ticket}`);
    expect(opened.status).toBe(200);
    expect(opened.type).toContain('text/event-stream');
    expect(opened.csp).toContain("connect-src 'self'");
    expect((await open(`ticket=${ticket}`)).status).toBe(401);
    expect((await open(`token=${members[0]!.token}`)).status).toBe(401);
    await t.db.query(`UPDATE stream_tickets SET expires_at = now() - interval '1 second'`);
    const late = (
      await app.inject({ method: 'POST', url: '/api/sync/v1/stream-tickets', headers: members[0]!.auth })
    ).json() as { ticket: string };
    await t.db.query(`UPDATE stream_tickets SET expires_at = now() - interval '1 second'`);
    expect((await open(`ticket=${late.ticket}`)).status).toBe(401);
  });

  it('a revoked device is told on its open stream, and the stream ends', async () => {
    const { coordinator, members } = await makeTeam(app, t.db);
    const watcher = await stream(members[0]!.token);
    await app.inject({
      method: 'POST',
      url: `/api/sync/v1/devices/${members[0]!.id}/revoke`,
      headers: coordinator.auth,
    });
    await watcher.until((c) => c.revoked);
  });

  it('a purge removes the events on the server and reaches streams and pulls as a notice', async () => {
    const { coordinator, members } = await makeTeam(app, t.db);
    const adviseur = members[0]!;
    const log = incidentLog(adviseur.deviceId, 3);
    await push(app, adviseur, log.events);
    const watcher = await stream(members[1]!.token);
    const before = await countEvents(t.db);
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/sync/v1/incidents/${log.incidentId}`,
      headers: coordinator.auth,
    });
    expect(res.json()).toEqual({ incidentId: log.incidentId, deleted: 4 });
    expect(await countEvents(t.db)).toBe(before - 4);
    await watcher.until((c) => c.seen.some((s) => s.type === 'purge'));
    expect(watcher.seen.at(-1)).toMatchObject({ type: 'purge', incidentId: log.incidentId });
    // A device that was offline learns it from a pull: only the notice is left.
    const pulled = await pullAll(app, coordinator);
    expect(pulled.changes).toEqual([expect.objectContaining({ type: 'purge', incidentId: log.incidentId })]);
    // A device that missed it cannot bring the incident back.
    const again = await push(app, adviseur, log.events);
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('incident-purged');
    const listed = await app.inject({ url: '/api/sync/v1/incidents', headers: coordinator.auth });
    expect(listed.json().incidents).toEqual([]);
  });

  it('the coordinator sees who read and changed an incident, and when', async () => {
    const { coordinator, members } = await makeTeam(app, t.db);
    const [adviseur, meelezer] = members as [(typeof members)[0], (typeof members)[0]];
    const log = incidentLog(adviseur.deviceId, 1);
    await push(app, adviseur, log.events);
    await pullAll(app, meelezer);
    const watcher = await stream(coordinator.token);
    await watcher.until((c) => c.seen.length === 2);
    const res = await app.inject({ url: `/api/sync/v1/incidents/${log.incidentId}/access`, headers: coordinator.auth });
    const entries = res.json().entries as { access: string; deviceName: string; at: string }[];
    expect(entries.map((e) => [e.access, e.deviceName])).toEqual([
      ['write', 'adviseur'],
      ['read', 'meelezer'],
      ['read', 'Coördinator'],
    ]);
    expect(Date.parse(entries[0]!.at)).toBeLessThanOrEqual(Date.now());
  });
});
