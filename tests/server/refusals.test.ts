import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite, createTeam } from '../../server/store/invites-store.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from './support/engines.ts';
import {
  auth,
  countEvents,
  incidentLog,
  makeTeam,
  newId,
  pullAll,
  push,
  redeem,
  stepEvent,
  testApp,
} from './support/fixtures.ts';

describe.each(ENGINES)('refusals on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    app = await testApp(t.db);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  /** Runs `attempt` and checks status, code and that the events table did not change. */
  async function refused(
    attempt: () => Promise<{ statusCode: number; json(): unknown }>,
    status: number,
    code: string,
  ) {
    const before = await countEvents(t.db);
    const res = await attempt();
    expect(res.statusCode).toBe(status);
    const body = res.json() as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(await countEvents(t.db)).toBe(before);
  }

  it('an event id sent again with other content is refused, and the whole batch with it', async () => {
    const { members } = await makeTeam(app, t.db);
    const adviseur = members[0]!;
    const log = incidentLog(adviseur.deviceId, 2);
    await push(app, adviseur, log.events);
    const tampered = { ...log.events[1]!, payload: { stepId: 'direct-na.stap-1', status: 'nvt', reason: 'anders' } };
    const fresh = stepEvent(adviseur.deviceId, log.incidentId, 5);
    await refused(() => push(app, adviseur, [fresh, tampered]), 409, 'event-conflict');
    const { changes } = await pullAll(app, adviseur);
    expect(changes.map((c) => c.event?.id)).not.toContain(fresh.id);
  });

  it('a second incident.created for the same incident is refused', async () => {
    const { members } = await makeTeam(app, t.db);
    const adviseur = members[0]!;
    const log = incidentLog(adviseur.deviceId, 1);
    await push(app, adviseur, log.events);
    const again = incidentLog(adviseur.deviceId, 0, log.incidentId).events;
    await refused(() => push(app, adviseur, again), 409, 'second-incident-created');
    const twice = incidentLog(adviseur.deviceId, 0);
    const both = [...twice.events, ...incidentLog(adviseur.deviceId, 0, twice.incidentId).events];
    await refused(() => push(app, adviseur, both), 409, 'second-incident-created');
  });

  it('no token, an unknown token and a malformed header are 401', async () => {
    const { members } = await makeTeam(app, t.db);
    const events = incidentLog(members[0]!.deviceId).events;
    const send = (headers: Record<string, string>) => () =>
      app.inject({ method: 'POST', url: '/api/sync/v1/events', headers, payload: { events } });
    await refused(send({}), 401, 'no-token');
    await refused(send(auth('A'.repeat(43))), 401, 'unknown-token');
    await refused(send({ authorization: 'Basic abc' }), 401, 'unknown-token');
    await refused(() => app.inject({ url: '/api/sync/v1/events' }), 401, 'no-token');
    await refused(() => app.inject({ method: 'POST', url: '/api/sync/v1/stream-tickets' }), 401, 'no-token');
  });

  it("a device of another team cannot write into, read or purge this team's incident", async () => {
    const a = await makeTeam(app, t.db, ['adviseur']);
    const b = await makeTeam(app, t.db, ['adviseur']);
    const log = incidentLog(a.members[0]!.deviceId);
    await push(app, a.members[0]!, log.events);
    const intruder = b.members[0]!;
    await refused(
      () => push(app, intruder, [stepEvent(intruder.deviceId, log.incidentId)]),
      403,
      'incident-other-team',
    );
    expect((await pullAll(app, intruder)).changes).toEqual([]);
    // Even the other team's coordinator, who may purge its own team's incidents.
    const purge = () =>
      app.inject({ method: 'DELETE', url: `/api/sync/v1/incidents/${log.incidentId}`, headers: b.coordinator.auth });
    await refused(purge, 404, 'not-found');
    const access = await app.inject({
      url: `/api/sync/v1/incidents/${log.incidentId}/access`,
      headers: b.coordinator.auth,
    });
    expect(access.json().entries).toEqual([]);
  });

  it('an expired invite and a used invite are refused', async () => {
    const teamId = await createTeam(t.db, 'Gemeente Verlopen');
    const invite = await createInvite(t.db, teamId, 'adviseur', undefined);
    await t.db.query(`UPDATE invites SET expires_at = now() - interval '1 second' WHERE team_id = $1`, [teamId]);
    const body = (code: string) => ({ code, deviceId: newId(), name: 'Telefoon' });
    const redeemWith = (code: string) => () =>
      app.inject({ method: 'POST', url: '/api/sync/v1/invites/redeem', payload: body(code) });
    await refused(redeemWith(invite.code), 403, 'invalid-invite');
    const fresh = await createInvite(t.db, teamId, 'adviseur', undefined);
    await redeem(app, fresh.code);
    await refused(redeemWith(fresh.code), 403, 'invalid-invite');
    await refused(redeemWith('not-a-code'), 403, 'invalid-invite');
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM devices WHERE team_id = $1', [
      teamId,
    ]);
    expect(rows[0]!.n).toBe(1);
  });

  it('a revoked device is refused from that moment, with a code the app recognises', async () => {
    const { coordinator, members } = await makeTeam(app, t.db);
    const adviseur = members[0]!;
    const log = incidentLog(adviseur.deviceId, 1);
    await push(app, adviseur, log.events);
    const revoke = await app.inject({
      method: 'POST',
      url: `/api/sync/v1/devices/${adviseur.id}/revoke`,
      headers: coordinator.auth,
    });
    expect(revoke.statusCode).toBe(200);
    await refused(() => push(app, adviseur, [stepEvent(adviseur.deviceId, log.incidentId)]), 403, 'device-revoked');
    await refused(() => app.inject({ url: '/api/sync/v1/events', headers: adviseur.auth }), 403, 'device-revoked');
    await refused(
      () => app.inject({ method: 'POST', url: '/api/sync/v1/stream-tickets', headers: adviseur.auth }),
      403,
      'device-revoked',
    );
    const devices = await app.inject({ url: '/api/sync/v1/devices', headers: coordinator.auth });
    const listed = devices.json().devices.find((d: { id: number }) => d.id === adviseur.id);
    expect(listed.revokedAt).not.toBeNull();
  });

  it('a meelezer reads but cannot push, share, invite or purge', async () => {
    const { members } = await makeTeam(app, t.db);
    const [adviseur, meelezer] = members as [(typeof members)[0], (typeof members)[0]];
    const log = incidentLog(adviseur.deviceId, 1);
    await push(app, adviseur, log.events);
    expect((await pullAll(app, meelezer)).changes).toHaveLength(2);
    await refused(() => push(app, meelezer, incidentLog(meelezer.deviceId).events), 403, 'role-forbidden');
    const invite = () =>
      app.inject({
        method: 'POST',
        url: '/api/sync/v1/invites',
        headers: meelezer.auth,
        payload: { role: 'adviseur' },
      });
    await refused(invite, 403, 'role-forbidden');
    const purge = () =>
      app.inject({ method: 'DELETE', url: `/api/sync/v1/incidents/${log.incidentId}`, headers: meelezer.auth });
    await refused(purge, 403, 'role-forbidden');
  });

  it("a device cannot push another device's events", async () => {
    const { coordinator, members } = await makeTeam(app, t.db);
    const adviseur = members[0]!;
    await refused(() => push(app, adviseur, incidentLog(coordinator.deviceId).events), 403, 'foreign-device-event');
    const mixed = incidentLog(adviseur.deviceId, 2);
    mixed.events.push(stepEvent(coordinator.deviceId, mixed.incidentId));
    await refused(() => push(app, adviseur, mixed.events), 403, 'foreign-device-event');
  });

  it('only a coordinator lists devices and reads the access log', async () => {
    const { members } = await makeTeam(app, t.db);
    const res = await app.inject({ url: '/api/sync/v1/devices', headers: members[0]!.auth });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('role-forbidden');
  });
});
