import { describe, expect, it } from 'vitest';
import { ENGINES } from './support/engines.ts';
import { countEvents, incidentLog, makeTeam, pullAll, push, serverOn, stepEvent } from './support/fixtures.ts';

/** Deleting a shared incident on purpose (retention): issue 13, docs/sync-protocol.md "Purge". */
describe.each(ENGINES)('purging a shared incident on %s', (engine) => {
  const server = serverOn(engine);

  const purge = (incidentId: string, headers: { authorization: string }) =>
    server.app.inject({ method: 'DELETE', url: `/api/sync/v1/incidents/${incidentId}`, headers });

  it('is refused to an adviseur, with nothing deleted', async () => {
    const { members } = await makeTeam(server.app, server.db);
    const adviseur = members[0]!;
    const log = incidentLog(adviseur.deviceId, 2);
    await push(server.app, adviseur, log.events);
    const before = await countEvents(server.db);
    const res = await purge(log.incidentId, adviseur.auth);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('role-forbidden');
    expect(await countEvents(server.db)).toBe(before);
    expect((await pullAll(server.app, adviseur)).changes.filter((c) => c.type === 'purge')).toEqual([]);
  });

  it('by the coordinator: gone from the server, a notice for every device, in the access log', async () => {
    const { coordinator, members } = await makeTeam(server.app, server.db);
    const [adviseur, meelezer] = members as [(typeof members)[0], (typeof members)[0]];
    const keep = incidentLog(adviseur.deviceId, 1);
    const gone = incidentLog(adviseur.deviceId, 3);
    await push(server.app, adviseur, [...keep.events, ...gone.events]);
    const { cursor } = await pullAll(server.app, meelezer);

    const res = await purge(gone.incidentId, coordinator.auth);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ incidentId: gone.incidentId, deleted: 4 });
    const { rows } = await server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM events WHERE incident_id = $1',
      [gone.incidentId],
    );
    expect(rows[0]!.n).toBe(0);

    // Every device, also one that pulls only later, gets the notice after its cursor.
    for (const member of [adviseur, meelezer]) {
      const after = await pullAll(server.app, member, cursor);
      expect(after.changes).toEqual([expect.objectContaining({ type: 'purge', incidentId: gone.incidentId })]);
    }
    // A device that never pulled before sees only the notice, no events of the purged incident.
    const fresh = await pullAll(server.app, meelezer);
    expect(fresh.changes.filter((c) => c.type === 'event')).toHaveLength(2);

    const listed = await server.app.inject({ url: '/api/sync/v1/incidents', headers: adviseur.auth });
    expect(listed.json().incidents.map((i: { id: string }) => i.id)).toEqual([keep.incidentId]);

    const access = await server.app.inject({
      url: `/api/sync/v1/incidents/${gone.incidentId}/access`,
      headers: coordinator.auth,
    });
    const entries = access.json().entries as { access: string; deviceId: number; role: string }[];
    expect(entries.at(-1)).toEqual(
      expect.objectContaining({ access: 'purge', deviceId: coordinator.id, role: 'coordinator' }),
    );
    // The history before the purge stays (accountability outlives the data).
    expect(entries.some((e) => e.access === 'write' && e.deviceId === adviseur.id)).toBe(true);
  });

  it('a device that missed the purge cannot upload the incident again', async () => {
    const { coordinator, members } = await makeTeam(server.app, server.db);
    const adviseur = members[0]!;
    const log = incidentLog(adviseur.deviceId, 1);
    await push(server.app, adviseur, log.events);
    await purge(log.incidentId, coordinator.auth);
    const before = await countEvents(server.db);
    const late = await push(server.app, adviseur, [stepEvent(adviseur.deviceId, log.incidentId)]);
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe('incident-purged');
    const again = await push(server.app, adviseur, log.events);
    expect(again.statusCode).toBe(410);
    expect(await countEvents(server.db)).toBe(before);
    // Purging twice changes nothing more.
    expect((await purge(log.incidentId, coordinator.auth)).json()).toEqual({ incidentId: log.incidentId, deleted: 0 });
  });
});
