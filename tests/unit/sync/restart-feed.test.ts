import { describe, expect, it } from 'vitest';
import { readLog } from '../../../src/db/event-log.ts';
import { getDeviceId } from '../../../src/db/settings.ts';
import type { IncidentEvent } from '../../../src/model/events.ts';
import { foreignUnacked } from '../../../src/sync/domain/outbox.ts';
import type { Change } from '../../../src/sync/domain/protocol.ts';
import { applyChanges } from '../../../src/sync/store/apply-changes.ts';
import { acknowledge, readMembership, writeMembership } from '../../../src/sync/store/membership.ts';
import { shareIncident } from '../../../src/sync/store/pairing.ts';
import { countOutbox, readOutbox } from '../../../src/sync/store/push.ts';
import { restartFeed } from '../../../src/sync/store/restart-feed.ts';
import { commandsFor, freshDatabase, homeAt, realKader } from '../incidents/helpers.ts';

const asChanges = (events: readonly IncidentEvent[], from = 1): Change[] =>
  events.map((event, i) => ({ seq: String(from + i), type: 'event', receivedAt: event.at, event }));

/** Phone A shares an incident, phone B adds to it through the feed; A has pushed and pulled everything. */
async function syncedPhone() {
  const a = freshDatabase();
  const b = freshDatabase();
  await writeMembership(a, {
    teamName: 'Gemeente X',
    token: 'T'.repeat(43),
    role: 'adviseur',
    deviceName: 'Telefoon A',
    cursor: '57',
    cursorCheck: '01JCHECK',
    pushReceipt: { seq: '55', check: '01JRECEIPT', incidentId: '01JINCIDENT' },
  });
  const commands = commandsFor(a);
  const { incidentId } = await commands.createIncident(homeAt('3511AA', '1'), 'direct-na', realKader().version);
  await commands.addLogEntry(incidentId, 'Politie ter plaatse');
  expect(await shareIncident(a, incidentId, new Date())).toBeUndefined();
  const own = await readLog(a, incidentId);
  await acknowledge(a, new Map([[incidentId, own.map((e) => e.id)]]), new Date());
  await applyChanges(b, asChanges(own), realKader());
  await commandsFor(b).addLogEntry(incidentId, 'Buurt ingelicht');
  const fromB = (await readLog(b, incidentId)).filter((e) => !own.some((o) => o.id === e.id));
  await applyChanges(a, asChanges(fromB, 10), realKader());
  const deviceId = await getDeviceId(a);
  expect(countOutbox(await readOutbox(a, deviceId))).toBe(0);
  return { a, incidentId, own, fromB, deviceId };
}

describe('a cursor the server cannot vouch for (cursor-unknown, a restored backup)', () => {
  it('starts the feed again at "0" and offers every own event of a shared incident again', async () => {
    const { a, incidentId, own, fromB, deviceId } = await syncedPhone();
    expect(await restartFeed(a)).toBe(own.length + fromB.length);

    const membership = await readMembership(a);
    expect(membership?.cursor).toBe('0');
    expect(membership?.cursorCheck).toBeUndefined();
    expect(membership?.pushReceipt).toBeUndefined();
    expect(membership?.token).toBe('T'.repeat(43));
    const outbox = await readOutbox(a, deviceId);
    expect(outbox.get(incidentId)?.map((e) => e.id)).toEqual(own.map((e) => e.id));
    // The colleague's entry counts as held by the server again only when the pull brings it back.
    expect(foreignUnacked(await readLog(a, incidentId), new Set(), deviceId)).toBe(fromB.length);

    // Pulling everything again doubles nothing and acknowledges what the server still has.
    const before = await readLog(a, incidentId);
    await applyChanges(a, asChanges([...own, ...fromB]), realKader());
    expect((await readLog(a, incidentId)).map((e) => e.id).sort()).toEqual(before.map((e) => e.id).sort());
    expect(new Set((await a.syncIncidents.get(incidentId))?.acked)).toEqual(
      new Set([...own, ...fromB].map((e) => e.id)),
    );
  });

  it('leaves a device without a token (revoked) as it is', async () => {
    const { a } = await syncedPhone();
    const membership = (await readMembership(a))!;
    const { token: _token, ...revoked } = membership;
    await writeMembership(a, { ...revoked, revokedAt: new Date().toISOString() });
    expect(await restartFeed(a)).toBe(0);
    expect((await readMembership(a))?.cursor).toBe('57');
  });
});
