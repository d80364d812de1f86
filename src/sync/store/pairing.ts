import type { AppDatabase } from '../../db/database.ts';
import { readLog } from '../../db/event-log.ts';
import { getDeviceId } from '../../db/settings.ts';
import { INITIAL_CURSOR } from '../domain/cursor.ts';
import { type ShareRefusal, shareRefusal } from '../domain/outbox.ts';
import type { RedeemResponse } from '../domain/protocol.ts';
import { syncApi } from './api.ts';
import { readMembership, writeMembership } from './membership.ts';

/** Redeems an invite and stores the membership (token sealed with the settings). */
export async function pairDevice(db: AppDatabase, code: string, deviceName: string): Promise<RedeemResponse> {
  const deviceId = await getDeviceId(db);
  const response = await syncApi.redeem(code, deviceId, deviceName.trim());
  await writeMembership(db, {
    teamName: response.team.name,
    token: response.token,
    role: response.device.role,
    deviceName: response.device.name,
    deviceNumber: response.device.id,
    cursor: INITIAL_CURSOR,
  });
  return response;
}

export const SHARE_REFUSAL_MESSAGE: Record<ShareRefusal | 'no-team' | 'read-only', string> = {
  'no-start': 'Dit incident kan niet worden gedeeld: het begin ervan staat niet op dit apparaat.',
  'started-elsewhere':
    'Dit incident is op een ander apparaat begonnen. Alleen dat apparaat kan het met het team delen.',
  'no-team': 'Dit apparaat hoort niet bij een team. Koppel het eerst met een uitnodiging.',
  'read-only': 'Als meelezer kunt u geen incidenten delen.',
};

/**
 * Marks an incident shared: from now on its whole log is in the outbox (nothing is
 * acknowledged yet) and the client sends it when it can. Returns why not, if not.
 */
export async function shareIncident(
  db: AppDatabase,
  incidentId: string,
  now: Date,
): Promise<keyof typeof SHARE_REFUSAL_MESSAGE | undefined> {
  const membership = await readMembership(db);
  if (!membership?.token) return 'no-team';
  if (membership.role === 'meelezer') return 'read-only';
  const refusal = shareRefusal(await readLog(db, incidentId), await getDeviceId(db));
  if (refusal) return refusal;
  await db.transaction('rw', db.syncIncidents, async () => {
    if (!(await db.syncIncidents.get(incidentId))) {
      await db.syncIncidents.put({ incidentId, sharedAt: now.toISOString(), acked: [] });
    }
  });
  return undefined;
}
