import type { FastifyInstance } from 'fastify';
import { parseDeviceNumber, parseId, parseInviteBody, parseRedeemBody } from '../protocol/requests.ts';
import { readAccessLog } from '../store/access-log.ts';
import type { Database } from '../store/database.ts';
import { listDevices, revokeDevice } from '../store/devices-store.ts';
import { createInvite, redeemInvite } from '../store/invites-store.ts';
import { listSharedIncidents, purgeIncident } from '../store/purge-incident.ts';
import { notifyRevoked } from '../store/team-lock.ts';
import { coordinatorOf, deviceOf } from './auth.ts';

export function teamRoutes(app: FastifyInstance, db: Database, inviteLink: (code: string) => string): void {
  app.get('/api/sync/v1/me', async (request) => {
    const device = await deviceOf(db, request);
    const team = await db.query<{ name: string }>('SELECT name FROM teams WHERE id = $1', [device.teamId]);
    return { device: { id: device.id, name: device.name, role: device.role }, team: { name: team.rows[0]?.name } };
  });

  app.post('/api/sync/v1/invites', async (request, reply) => {
    const coordinator = await coordinatorOf(db, request);
    const invite = await createInvite(db, coordinator.teamId, parseInviteBody(request.body), coordinator);
    return reply.status(201).send({ ...invite, link: inviteLink(invite.code) });
  });

  app.post('/api/sync/v1/invites/redeem', async (request, reply) => {
    const { code, deviceId, name } = parseRedeemBody(request.body);
    const { token, device, teamName } = await redeemInvite(db, code, deviceId, name);
    return reply
      .status(201)
      .send({ token, device: { id: device.id, name: device.name, role: device.role }, team: { name: teamName } });
  });

  app.get('/api/sync/v1/devices', async (request) => {
    const coordinator = await coordinatorOf(db, request);
    return { devices: await listDevices(db, coordinator.teamId) };
  });

  app.post('/api/sync/v1/devices/:device/revoke', async (request) => {
    const coordinator = await coordinatorOf(db, request);
    const id = parseDeviceNumber((request.params as { device: string }).device);
    await revokeDevice(db, coordinator, id);
    await notifyRevoked(db, id);
    return { revoked: id };
  });

  app.get('/api/sync/v1/incidents', async (request) => {
    const device = await deviceOf(db, request);
    return { incidents: await listSharedIncidents(db, device.teamId) };
  });

  app.get('/api/sync/v1/incidents/:incident/access', async (request) => {
    const coordinator = await coordinatorOf(db, request);
    const id = parseId((request.params as { incident: string }).incident, 'incident');
    return { incidentId: id, entries: await readAccessLog(db, coordinator.teamId, id) };
  });

  // Coordinator only: a purge is irreversible for the whole team (docs/sync-protocol.md, "Purge").
  app.delete('/api/sync/v1/incidents/:incident', async (request) => {
    const coordinator = await coordinatorOf(db, request);
    const id = parseId((request.params as { incident: string }).incident, 'incident');
    return { incidentId: id, ...(await purgeIncident(db, coordinator, id)) };
  });
}
