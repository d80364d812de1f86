import { describe, expect, it } from 'vitest';
import { ENGINES } from './support/engines.ts';
import { countEvents, incidentLog, makeTeam, newId, pullAll, push, serverOn, stepEvent } from './support/fixtures.ts';

describe.each(ENGINES)('push and pull on %s', (engine) => {
  const server = serverOn(engine);

  it('a shared incident reaches every member of the team, once, in order', async () => {
    const { coordinator, members } = await makeTeam(server.app, server.db);
    const [adviseur, meelezer] = members as [typeof coordinator, typeof coordinator];
    const { events } = incidentLog(adviseur.deviceId, 5);
    const res = await push(server.app, adviseur, events);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      inserted: 6,
      duplicates: 0,
      receipt: { seq: expect.any(String), check: events.at(-1)!.id },
    });
    for (const member of [coordinator, meelezer, adviseur]) {
      const { changes } = await pullAll(server.app, member);
      expect(changes.map((c) => c.event?.id)).toEqual(events.map((e) => e.id));
    }
  });

  it('pushing the same batch twice stores it once', async () => {
    const { members } = await makeTeam(server.app, server.db);
    const adviseur = members[0]!;
    const { events } = incidentLog(adviseur.deviceId, 3);
    const before = await countEvents(server.db);
    const first = (await push(server.app, adviseur, events)).json();
    expect(first).toMatchObject({ inserted: 4, duplicates: 0 });
    // A retry is told the same place in the feed: the newest event of the batch.
    expect((await push(server.app, adviseur, events)).json()).toEqual({
      inserted: 0,
      duplicates: 4,
      receipt: first.receipt,
    });
    // Key order and unknown fields do not make an event different.
    const reordered = events.map((e) => Object.fromEntries(Object.entries(e).reverse()));
    expect((await push(server.app, adviseur, reordered)).json()).toMatchObject({ inserted: 0, duplicates: 4 });
    expect(await countEvents(server.db)).toBe(before + 4);
  });

  it('a pull after the cursor returns only what is new', async () => {
    const { members } = await makeTeam(server.app, server.db);
    const adviseur = members[0]!;
    const log = incidentLog(adviseur.deviceId, 2);
    await push(server.app, adviseur, log.events);
    const first = await pullAll(server.app, adviseur);
    expect(first.changes).toHaveLength(3);
    const next = stepEvent(adviseur.deviceId, log.incidentId);
    await push(server.app, adviseur, [next]);
    const second = await pullAll(server.app, adviseur, first.cursor);
    expect(second.changes.map((c) => c.event?.id)).toEqual([next.id]);
    const none = await pullAll(server.app, adviseur, second.cursor);
    expect(none).toEqual({ changes: [], cursor: second.cursor });
  });

  it('pages through large logs with limit', async () => {
    const { members } = await makeTeam(server.app, server.db);
    const adviseur = members[0]!;
    const { events } = incidentLog(adviseur.deviceId, 24);
    await push(server.app, adviseur, events);
    const res = await server.app.inject({ url: '/api/sync/v1/events?after=0&limit=10', headers: adviseur.auth });
    const page = res.json() as { changes: unknown[]; more: boolean; cursor: string };
    expect(page.changes).toHaveLength(10);
    expect(page.more).toBe(true);
  });

  it('a member of another team sees nothing of it', async () => {
    const a = await makeTeam(server.app, server.db, ['adviseur']);
    const b = await makeTeam(server.app, server.db, ['adviseur']);
    await push(server.app, a.members[0]!, incidentLog(a.members[0]!.deviceId).events);
    const { changes } = await pullAll(server.app, b.coordinator);
    expect(changes).toEqual([]);
  });

  it('refuses events of an incident the server does not know without its start', async () => {
    const { members } = await makeTeam(server.app, server.db);
    const adviseur = members[0]!;
    const res = await push(server.app, adviseur, [stepEvent(adviseur.deviceId, newId())]);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('incident-unknown');
  });
});
