import { describe, expect, it } from 'vitest';
import { createInvite, createTeam } from '../../server/store/invites-store.ts';
import { ENGINES } from './support/engines.ts';
import {
  auth,
  countEvents,
  incidentLog,
  makeTeam,
  newId,
  pullAll,
  push,
  redeem,
  serverOn,
  stepEvent,
} from './support/fixtures.ts';

describe.each(ENGINES)('refusals on %s', (engine) => {
  const server = serverOn(engine);

  /** Runs `attempt` and checks status, code and that the events table did not change. */
  async function refused(
    attempt: () => Promise<{ statusCode: number; json(): unknown }>,
    status: number,
    code: string,
  ) {
    const before = await countEvents(server.db);
    const res = await attempt();
    expect(res.statusCode).toBe(status);
    const body = res.json() as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(await countEvents(server.db)).toBe(before);
  }

  it('an event id sent again with other content is refused, and the whole batch with it', async () => {
    const { members } = await makeTeam(server.app, server.db);
    const adviseur = members[0]!;
    const log = incidentLog(adviseur.deviceId, 2);
    await push(server.app, adviseur, log.events);
    const tampered = { ...log.events[1]!, payload: { stepId: 'direct-na.stap-1', status: 'nvt', reason: 'anders' } };
    const fresh = stepEvent(adviseur.deviceId, log.incidentId, 5);
    await refused(() => push(server.app, adviseur, [fresh, tampered]), 409, 'event-conflict');
    const { changes } = await pullAll(server.app, adviseur);
    expect(changes.map((c) => c.event?.id)).not.toContain(fresh.id);
  });

  it('a second incident.created for the same incident is refused', async () => {
    const { members } = await makeTeam(server.app, server.db);
    const adviseur = members[0]!;
    const log = incidentLog(adviseur.deviceId, 1);
    await push(server.app, adviseur, log.events);
    const again = incidentLog(adviseur.deviceId, 0, log.incidentId).events;
    await refused(() => push(server.app, adviseur, again), 409, 'second-incident-created');
    const twice = incidentLog(adviseur.deviceId, 0);
    const both = [...twice.events, ...incidentLog(adviseur.deviceId, 0, twice.incidentId).events];
    await refused(() => push(server.app, adviseur, both), 409, 'second-incident-created');
  });

  it('no token, an unknown token and a malformed header are 401', async () => {
    const { members } = await makeTeam(server.app, server.db);
    const events = incidentLog(members[0]!.deviceId).events;
    const send = (headers: Record<string, string>) => () =>
      server.app.inject({ method: 'POST', url: '/api/sync/v1/events', headers, payload: { events } });
    await refused(send({}), 401, 'no-token');
    await refused(send(auth('A'.repeat(43))), 401, 'unknown-token');
    await refused(send({ authorization: 'Basic abc' }), 401, 'unknown-token');
    await refused(() => server.app.inject({ url: '/api/sync/v1/events' }), 401, 'no-token');
    await refused(() => server.app.inject({ method: 'POST', url: '/api/sync/v1/stream-tickets' }), 401, 'no-token');
  });

  it("a device of another team cannot write into, read or purge this team's incident", async () => {
    const a = await makeTeam(server.app, server.db, ['adviseur']);
    const b = await makeTeam(server.app, server.db, ['adviseur']);
    const log = incidentLog(a.members[0]!.deviceId);
    await push(server.app, a.members[0]!, log.events);
    const intruder = b.members[0]!;
    await refused(
      () => push(server.app, intruder, [stepEvent(intruder.deviceId, log.incidentId)]),
      403,
      'incident-other-team',
    );
    expect((await pullAll(server.app, intruder)).changes).toEqual([]);
    // Even the other team's coordinator, who may purge its own team's incidents.
    const purge = () =>
      server.app.inject({
        method: 'DELETE',
        url: `/api/sync/v1/incidents/${log.incidentId}`,
        headers: b.coordinator.auth,
      });
    await refused(purge, 404, 'not-found');
    const access = await server.app.inject({
      url: `/api/sync/v1/incidents/${log.incidentId}/access`,
      headers: b.coordinator.auth,
    });
    expect(access.json().entries).toEqual([]);
  });

  it('an expired invite and a used invite are refused', async () => {
    const teamId = await createTeam(server.db, 'Gemeente Verlopen');
    const invite = await createInvite(server.db, teamId, 'adviseur', undefined);
    await server.db.query(`UPDATE invites SET expires_at = now() - interval '1 second' WHERE team_id = $1`, [teamId]);
    const body = (code: string) => ({ code, deviceId: newId(), name: 'Telefoon' });
    const redeemWith = (code: string) => () =>
      server.app.inject({ method: 'POST', url: '/api/sync/v1/invites/redeem', payload: body(code) });
    await refused(redeemWith(invite.code), 403, 'invalid-invite');
    const fresh = await createInvite(server.db, teamId, 'adviseur', undefined);
    await redeem(server.app, fresh.code);
    await refused(redeemWith(fresh.code), 403, 'invalid-invite');
    await refused(redeemWith('not-a-code'), 403, 'invalid-invite');
    const { rows } = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM devices WHERE team_id = $1', [
      teamId,
    ]);
    expect(rows[0]!.n).toBe(1);
  });

  it('a revoked device is refused from that moment, with a code the app recognises', async () => {
    const { coordinator, members } = await makeTeam(server.app, server.db);
    const adviseur = members[0]!;
    const log = incidentLog(adviseur.deviceId, 1);
    await push(server.app, adviseur, log.events);
    const revoke = await server.app.inject({
      method: 'POST',
      url: `/api/sync/v1/devices/${adviseur.id}/revoke`,
      headers: coordinator.auth,
    });
    expect(revoke.statusCode).toBe(200);
    await refused(
      () => push(server.app, adviseur, [stepEvent(adviseur.deviceId, log.incidentId)]),
      403,
      'device-revoked',
    );
    await refused(
      () => server.app.inject({ url: '/api/sync/v1/events', headers: adviseur.auth }),
      403,
      'device-revoked',
    );
    await refused(
      () => server.app.inject({ method: 'POST', url: '/api/sync/v1/stream-tickets', headers: adviseur.auth }),
      403,
      'device-revoked',
    );
    const devices = await server.app.inject({ url: '/api/sync/v1/devices', headers: coordinator.auth });
    const listed = devices.json().devices.find((d: { id: number }) => d.id === adviseur.id);
    expect(listed.revokedAt).not.toBeNull();
  });

  it('a meelezer reads but cannot push, share, invite or purge', async () => {
    const { members } = await makeTeam(server.app, server.db);
    const [adviseur, meelezer] = members as [(typeof members)[0], (typeof members)[0]];
    const log = incidentLog(adviseur.deviceId, 1);
    await push(server.app, adviseur, log.events);
    expect((await pullAll(server.app, meelezer)).changes).toHaveLength(2);
    await refused(() => push(server.app, meelezer, incidentLog(meelezer.deviceId).events), 403, 'role-forbidden');
    const invite = () =>
      server.app.inject({
        method: 'POST',
        url: '/api/sync/v1/invites',
        headers: meelezer.auth,
        payload: { role: 'adviseur' },
      });
    await refused(invite, 403, 'role-forbidden');
    const purge = () =>
      server.app.inject({ method: 'DELETE', url: `/api/sync/v1/incidents/${log.incidentId}`, headers: meelezer.auth });
    await refused(purge, 403, 'role-forbidden');
  });

  it("a device cannot push another device's events", async () => {
    const { coordinator, members } = await makeTeam(server.app, server.db);
    const adviseur = members[0]!;
    await refused(
      () => push(server.app, adviseur, incidentLog(coordinator.deviceId).events),
      403,
      'foreign-device-event',
    );
    const mixed = incidentLog(adviseur.deviceId, 2);
    mixed.events.push(stepEvent(coordinator.deviceId, mixed.incidentId));
    await refused(() => push(server.app, adviseur, mixed.events), 403, 'foreign-device-event');
  });

  it('only a coordinator lists devices and reads the access log', async () => {
    const { members } = await makeTeam(server.app, server.db);
    const res = await server.app.inject({ url: '/api/sync/v1/devices', headers: members[0]!.auth });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('role-forbidden');
  });
});
