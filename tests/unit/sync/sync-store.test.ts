import { afterEach, describe, expect, it } from 'vitest';
import { dataKey, LockedError } from '../../../src/db/data-key.ts';
import type { AppDatabase } from '../../../src/db/database.ts';
import { readLog } from '../../../src/db/event-log.ts';
import { getDeviceId } from '../../../src/db/settings.ts';
import { MergeRefusedError } from '../../../src/incidents/domain/merge-events.ts';
import type { IncidentEvent } from '../../../src/model/events.ts';
import type { Change } from '../../../src/sync/domain/protocol.ts';
import { revokedMessage } from '../../../src/sync/domain/sync-messages.ts';
import { applyChanges, forgetTeam } from '../../../src/sync/store/apply-changes.ts';
import { acknowledge, readMembership, updateMembership, writeMembership } from '../../../src/sync/store/membership.ts';
import { shareIncident } from '../../../src/sync/store/pairing.ts';
import { PURGE_MESSAGES, PurgeRefusedError, purgeSharedIncident } from '../../../src/sync/store/purge-shared.ts';
import { countOutbox, outboxCounts, readOutbox } from '../../../src/sync/store/push.ts';
import { commandsFor, freshDatabase, homeAt, realKader } from '../incidents/helpers.ts';
import { rawRows } from '../lock/lock-support.ts';

const TOKEN = 'T'.repeat(43);
afterEach(() => dataKey.configure(false));

async function member(db: AppDatabase, role: 'adviseur' | 'meelezer' = 'adviseur') {
  await writeMembership(db, { teamName: 'Gemeente X', token: TOKEN, role, deviceName: 'Telefoon', cursor: '0' });
}

async function incidentOn(db: AppDatabase, postcode = '3511AA') {
  const commands = commandsFor(db);
  const { incidentId } = await commands.createIncident(homeAt(postcode, '1'), 'direct-na', realKader().version);
  await commands.addLogEntry(incidentId, 'Politie ter plaatse');
  return { commands, incidentId };
}

const asChanges = (events: readonly IncidentEvent[], from = 1): Change[] =>
  events.map((event, i) => ({ seq: String(from + i), type: 'event', receivedAt: event.at, event }));

describe('the outbox of a shared incident', () => {
  it('is empty until the incident is shared, then holds its whole log, and shrinks as the server acknowledges', async () => {
    const db = freshDatabase();
    await member(db);
    const { commands, incidentId } = await incidentOn(db);
    expect(countOutbox(await readOutbox(db, await getDeviceId(db)))).toBe(0);

    expect(await shareIncident(db, incidentId, new Date())).toBeUndefined();
    const outbox = await readOutbox(db, await getDeviceId(db));
    expect(outbox.get(incidentId)?.map((e) => e.type)).toEqual(['incident.created', 'log.entry-added']);

    await acknowledge(db, new Map([[incidentId, outbox.get(incidentId)!.map((e) => e.id)]]), new Date());
    expect(countOutbox(await readOutbox(db, await getDeviceId(db)))).toBe(0);

    // A tap made offline is just an event in the log that is not acknowledged.
    await commands.setStepStatus(
      incidentId,
      realKader().phases.find((phase) => phase.id === 'direct-na')!.steps[0]!.id,
      'gedaan',
    );
    expect(countOutbox(await readOutbox(db, await getDeviceId(db)))).toBe(1);
  });

  it('is counted per shared incident from the same read: an acknowledged one counts 0, an unshared one is not in it', async () => {
    const db = freshDatabase();
    await member(db);
    const first = await incidentOn(db, '3511AA');
    const second = await incidentOn(db, '3512BB');
    const third = await incidentOn(db, '3513CC');
    await shareIncident(db, first.incidentId, new Date());
    await shareIncident(db, second.incidentId, new Date());
    const outbox = await readOutbox(db, await getDeviceId(db));
    await acknowledge(db, new Map([[second.incidentId, outbox.get(second.incidentId)!.map((e) => e.id)]]), new Date());
    await first.commands.addLogEntry(first.incidentId, 'Brandweer ter plaatse');
    await third.commands.addLogEntry(third.incidentId, 'Niet gedeeld');

    const counts = outboxCounts(await readOutbox(db, await getDeviceId(db)));
    expect(counts.pending).toBe(3);
    expect(new Map(counts.pendingIn)).toEqual(
      new Map([
        [first.incidentId, 3],
        [second.incidentId, 0],
      ]),
    );
  });

  it('cannot be filled by a meelezer or without a team', async () => {
    const db = freshDatabase();
    const { incidentId } = await incidentOn(db);
    expect(await shareIncident(db, incidentId, new Date())).toBe('no-team');
    await member(db, 'meelezer');
    expect(await shareIncident(db, incidentId, new Date())).toBe('read-only');
    expect(await db.syncIncidents.count()).toBe(0);
  });
});

describe('changes from the team', () => {
  it('arrive through the one merge, marked shared and acknowledged; applying twice adds nothing', async () => {
    const a = freshDatabase();
    const b = freshDatabase();
    const { incidentId } = await incidentOn(a);
    const events = await readLog(a, incidentId);
    await applyChanges(b, asChanges(events), realKader());
    await applyChanges(b, asChanges(events), realKader());
    expect((await readLog(b, incidentId)).map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    expect((await b.syncIncidents.get(incidentId))?.acked.sort()).toEqual(events.map((e) => e.id).sort());
    expect(countOutbox(await readOutbox(b, await getDeviceId(b)))).toBe(0);
    expect(await b.incidents.get(incidentId)).toBeDefined();
  });

  it('refuses a tampered event with nothing applied', async () => {
    const a = freshDatabase();
    const b = freshDatabase();
    const { incidentId } = await incidentOn(a);
    const events = await readLog(a, incidentId);
    await applyChanges(b, asChanges(events), realKader());
    const before = await readLog(b, incidentId);
    const tampered = { ...events[1]!, payload: { text: 'Iets anders' } } as IncidentEvent;
    const { incidentId: other } = await incidentOn(a, '3512BB');
    const otherEvents = await readLog(a, other);
    await expect(applyChanges(b, asChanges([...otherEvents, tampered]), realKader())).rejects.toBeInstanceOf(
      MergeRefusedError,
    );
    expect(await readLog(b, incidentId)).toEqual(before);
    expect(await readLog(b, other)).toEqual([]);
  });

  it('removes a purged incident in feed order, with its sync row', async () => {
    const a = freshDatabase();
    const b = freshDatabase();
    const { incidentId } = await incidentOn(a);
    const events = await readLog(a, incidentId);
    await applyChanges(
      b,
      [...asChanges(events), { seq: '9', type: 'purge', purgedAt: new Date().toISOString(), incidentId }],
      realKader(),
    );
    expect(await readLog(b, incidentId)).toEqual([]);
    expect(await b.incidents.get(incidentId)).toBeUndefined();
    expect(await b.syncIncidents.get(incidentId)).toBeUndefined();
  });

  it('a purge notice for an incident already gone here (the coordinator deleted it on this phone) changes nothing', async () => {
    const db = freshDatabase();
    const { incidentId } = await incidentOn(db);
    const before = await db.incidents.toCollection().primaryKeys();
    const purge: Change = { seq: '3', type: 'purge', purgedAt: new Date().toISOString(), incidentId: 'GONE' };
    await applyChanges(db, [purge], realKader());
    expect(await db.incidents.toCollection().primaryKeys()).toEqual(before);
    expect((await readLog(db, incidentId)).length).toBe(2);
  });
});

describe('deleting a shared incident on purpose', () => {
  it('is refused before any request to an adviseur, a meelezer or a revoked device, with nothing deleted', async () => {
    for (const role of ['adviseur', 'meelezer'] as const) {
      const db = freshDatabase();
      await member(db, role);
      const { incidentId } = await incidentOn(db);
      // Shared with the team (as a pull marks it; a meelezer cannot share one itself).
      await acknowledge(db, new Map([[incidentId, []]]), new Date());
      await expect(purgeSharedIncident(db, incidentId, realKader())).rejects.toThrow(PURGE_MESSAGES.notCoordinator);
      expect((await readLog(db, incidentId)).length).toBe(2);
      expect(await db.syncIncidents.get(incidentId)).toBeDefined();
    }
    const revoked = freshDatabase();
    const { incidentId } = await incidentOn(revoked);
    await expect(purgeSharedIncident(revoked, incidentId, realKader())).rejects.toBeInstanceOf(PurgeRefusedError);
    expect((await readLog(revoked, incidentId)).length).toBe(2);
  });
});

describe('a revoked device', () => {
  it('removes the team’s shared incidents, keeps its own unshared ones and forgets the token', async () => {
    const db = freshDatabase();
    await member(db);
    const own = await incidentOn(db, '3511AA');
    const mine = await incidentOn(db, '3512BB');
    await shareIncident(db, mine.incidentId, new Date());
    const colleague = freshDatabase();
    const theirs = await incidentOn(colleague, '3513CC');
    await applyChanges(db, asChanges(await readLog(colleague, theirs.incidentId)), realKader());

    expect(await forgetTeam(db, new Date(), realKader())).toBe(2);
    expect(await db.incidents.toCollection().primaryKeys()).toEqual([own.incidentId]);
    expect(await readLog(db, theirs.incidentId)).toEqual([]);
    const membership = await readMembership(db);
    expect(membership?.token).toBeUndefined();
    expect(membership?.revokedAt).toBeDefined();
    expect(membership?.revokedRemoved).toEqual({ incidents: 2, localLayer: false });
  });

  it('noticed a second time (stream and refused request, or a later page) keeps what the first removed', async () => {
    const db = freshDatabase();
    await member(db);
    const colleague = freshDatabase();
    const theirs = await incidentOn(colleague, '3513CC');
    await applyChanges(db, asChanges(await readLog(colleague, theirs.incidentId)), realKader());
    await updateMembership(db, { localLayer: { serverRevision: 3, localRevision: 3 } });

    expect(await forgetTeam(db, new Date(), realKader())).toBe(1);
    expect(await forgetTeam(db, new Date(), realKader())).toBe(1);
    const removed = (await readMembership(db))?.revokedRemoved;
    expect(removed).toEqual({ incidents: 1, localLayer: true });
    expect(revokedMessage(removed)).toContain('(1)');
    expect(revokedMessage(removed)).toContain('De lokale laag van het team is ook verwijderd.');
  });
});

describe('the token at rest', () => {
  it('is sealed with the settings when a lock is set up, and unreadable while locked', async () => {
    const db = freshDatabase();
    await db.open();
    dataKey.configure(true);
    dataKey.open(crypto.getRandomValues(new Uint8Array(32)));
    await member(db);
    expect(JSON.stringify(await rawRows(db, 'settings'))).not.toContain(TOKEN);
    expect((await readMembership(db))?.token).toBe(TOKEN);
    dataKey.lock();
    await expect(readMembership(db)).rejects.toBeInstanceOf(LockedError);
  });
});
