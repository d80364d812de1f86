import { describe, expect, it } from 'vitest';
import { logMark } from '../../../src/db/event-log.ts';
import { getDeviceId, setActorName, setRetentionMonths } from '../../../src/db/settings.ts';
import { foldIncident } from '../../../src/incidents/domain/fold.ts';
import { IncidentCommandError } from '../../../src/incidents/domain/incident-command-error.ts';
import { projectIncident } from '../../../src/incidents/domain/projection.ts';
import {
  findRetentionCandidates,
  listIncidents,
  listIncidentsPage,
  readIncidentEvents,
  readIncidentState,
} from '../../../src/incidents/store/queries.ts';
import { commandsFor, dumpDatabase, freshDatabase, homeAt, realKader, steppingClock } from './helpers.ts';

describe('incident commands', () => {
  it('a command stores its event with this device and actor, and the row equals the projection', async () => {
    const db = freshDatabase();
    await setActorName('  M. de Vries ', db);
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
    const stepId = realKader().phases.find((phase) => phase.id === 'direct-na')!.steps[0]!.id;
    await commands.setStepStatus(incidentId, stepId, 'gedaan');

    const events = await readIncidentEvents(incidentId, db);
    expect(events.map((event) => event.type)).toEqual(['incident.created', 'step.status-set']);
    expect(events.every((event) => event.device === events[0]!.device && event.actor === 'M. de Vries')).toBe(true);
    expect(events[0]!.device).toBe(await getDeviceId(db));
    const row = await db.incidents.get(incidentId);
    expect(row).toEqual({ ...projectIncident(foldIncident(events)!, realKader()), logMark: logMark(events) });
    expect(row!.progress['direct-na']!.done).toBe(1);
  });

  it('the device id is created once and then kept', async () => {
    const db = freshDatabase();
    const [first, second] = await Promise.all([getDeviceId(db), getDeviceId(db)]);
    expect(first).toBe(second);
    expect(await getDeviceId(db)).toBe(first);
  });

  it('notes containing markup are stored verbatim', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
    const text = '<script>alert("x")</script> & <b>vet</b>';
    await commands.addStepNote(incidentId, 'direct-na.salvage-inschakelen', text);
    const state = await readIncidentState(incidentId, db);
    expect(state!.notes[0]!.text).toBe(text);
  });

  it('editing and withdrawing keep the original event and text', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
    const entryId = await commands.addLogEntry(incidentId, 'Politie belt', '2026-03-01T21:45:00.000Z');
    await commands.editEntry(incidentId, entryId, { text: 'Politie belde terug' });
    await commands.withdrawEntry(incidentId, entryId, 'hoort bij ander incident');

    const events = await readIncidentEvents(incidentId, db);
    expect(events.find((event) => event.id === entryId)!.payload).toEqual({
      text: 'Politie belt',
      happenedAt: '2026-03-01T21:45:00.000Z',
    });
    const entry = (await readIncidentState(incidentId, db))!.log[0]!;
    expect(entry.revisions.map((revision) => revision.text)).toEqual(['Politie belt', 'Politie belde terug']);
    expect(entry.withdrawn?.reason).toBe('hoort bij ander incident');
    await expect(commands.editEntry(incidentId, entryId, { text: 'nog eens' })).rejects.toBeInstanceOf(
      IncidentCommandError,
    );
  });

  it('deleteIncident removes all of that incident and nothing else', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const keep = await commands.createIncident(homeAt('1000AA', '1'), 'direct-na', '2026.1');
    await commands.addLogEntry(keep.incidentId, 'blijft');
    const before = await dumpDatabase(db);
    const gone = await commands.createIncident(homeAt('2000BB', '2'), 'dreiging', '2026.1');
    await commands.addLogEntry(gone.incidentId, 'gaat weg');
    await commands.closeIncident(gone.incidentId);

    await commands.deleteIncident(gone.incidentId);
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('creating an incident at an earlier address links both, whatever the spelling of the postcode', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const first = await commands.createIncident(homeAt('3512 ab', '12 a'), 'direct-na', '2026.1');
    await commands.closeIncident(first.incidentId);
    await commands.createIncident(homeAt('3512AC', '12a'), 'direct-na', '2026.1');
    const second = await commands.createIncident(homeAt('3512AB', '12A'), 'dreiging', '2026.1');

    expect(first.linkedIncidentIds).toEqual([]);
    expect(second.linkedIncidentIds).toEqual([first.incidentId]);
    expect((await db.incidents.get(second.incidentId))!.linkedIncidentIds).toEqual([first.incidentId]);
    const earlier = (await readIncidentState(first.incidentId, db))!;
    expect(earlier.links.map((link) => link.incidentId)).toEqual([second.incidentId]);
    expect(earlier.status).toBe('gesloten');
  });

  it('correcting the address links to earlier incidents at the new address', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const first = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
    const second = await commands.createIncident(homeAt('9999ZZ', '1'), 'direct-na', '2026.1');
    const result = await commands.updateDetails(second.incidentId, {
      address: { street: 'Dorpsstraat', houseNumber: '12', postcode: '3512 AB', city: 'Utrecht' },
    });
    expect(result.linkedIncidentIds).toEqual([first.incidentId]);
    const again = await commands.updateDetails(second.incidentId, { municipality: 'Utrecht' });
    expect(again.linkedIncidentIds).toEqual([]);
  });

  it('a closed incident refuses changes until it is reopened', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
    await commands.closeIncident(incidentId);
    await commands.closeIncident(incidentId);
    const before = await dumpDatabase(db);
    await expect(commands.addLogEntry(incidentId, 'te laat')).rejects.toMatchObject({ failure: 'closed' });
    expect(await dumpDatabase(db)).toEqual(before);
    await commands.reopenIncident(incidentId);
    await commands.addLogEntry(incidentId, 'nu wel');
    const types = (await readIncidentEvents(incidentId, db)).map((event) => event.type);
    expect(types).toEqual(['incident.created', 'incident.closed', 'incident.reopened', 'log.entry-added']);
  });

  it('a command on an unknown incident is refused with a Dutch message', async () => {
    const commands = commandsFor(freshDatabase());
    const error = await commands.setStepStatus('bestaat-niet', 'dreiging.x', 'gedaan').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncidentCommandError);
    expect((error as IncidentCommandError).userMessage).toMatch(/niet \(meer\) op dit apparaat/);
  });

  it('lists open incidents first, most recently updated first, and searches without case or accents', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const a = await commands.createIncident(
      homeAt('1000AA', '1', { municipality: 'Súdwest-Fryslân' }),
      'direct-na',
      'v',
    );
    const b = await commands.createIncident(homeAt('1000AA', '2'), 'direct-na', 'v');
    const c = await commands.createIncident(
      {
        kind: 'explosie',
        target: 'voertuig',
        locationDescription: 'Café De Zwaan',
        municipality: 'Utrecht',
        occurredAt: '2026-03-01T21:00:00.000Z',
      },
      'direct-na',
      'v',
    );
    await commands.closeIncident(b.incidentId);
    await commands.addLogEntry(a.incidentId, 'bijgewerkt');

    const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
    expect(ids(await listIncidents({}, db))).toEqual([a.incidentId, c.incidentId, b.incidentId]);
    expect(ids(await listIncidents({ query: 'sudwest fryslan' }, db))).toEqual([a.incidentId]);
    expect(ids(await listIncidents({ query: 'CAFE zwaan' }, db))).toEqual([c.incidentId]);
    expect(ids(await listIncidents({ query: 'dorpsstraat 2' }, db))).toEqual([b.incidentId]);

    // The first screen reads only its rows, in the same order, and says how many there are in all.
    for (const limit of [1, 2, 3, 10]) {
      const page = await listIncidentsPage({ limit }, db);
      expect(ids(page.rows)).toEqual([a.incidentId, c.incidentId, b.incidentId].slice(0, limit));
      expect(page.total).toBe(3);
    }
    const found = await listIncidentsPage({ query: 'dorpsstraat', limit: 1 }, db);
    expect(found.total).toBe(2);
    expect(ids(found.rows)).toEqual([a.incidentId]);
  });

  it('finds closed incidents past the retention period only', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db, { now: steppingClock('2025-01-15T10:00:00.000Z') });
    const earlier = { occurredAt: '2025-01-15T09:00:00.000Z' };
    const old = await commands.createIncident(homeAt('1000AA', '1', earlier), 'direct-na', 'v');
    await commands.closeIncident(old.incidentId);
    // An open incident is never a candidate, however old: the lists below must not contain it.
    await commands.createIncident(homeAt('1000AA', '2', earlier), 'direct-na', 'v');

    const ids = async (now: string) => (await findRetentionCandidates(new Date(now), db)).map((row) => row.id);
    expect(await ids('2026-01-15T09:00:00.000Z')).toEqual([]);
    expect(await ids('2026-01-15T11:00:00.000Z')).toEqual([old.incidentId]);
    await setRetentionMonths(24, db);
    expect(await ids('2026-01-15T11:00:00.000Z')).toEqual([]);
  });

  it('an invalid command rejects its promise instead of throwing, and writes nothing', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
    const before = await dumpDatabase(db);
    const pending = commands.addLogEntry(incidentId, '   ');
    await expect(pending).rejects.toMatchObject({ failure: 'invalid' });
    await expect(commands.withdrawEntry(incidentId, 'onbekend', 'reden')).rejects.toMatchObject({ failure: 'invalid' });
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('only the incident details go into the event, not whatever else the form held', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const form = {
      ...homeAt('3512AB', '12'),
      bsn: '123456789',
      address: { ...homeAt('3512AB', '12').address!, phone: '06' },
    };
    const { incidentId } = await commands.createIncident(form, 'direct-na', '2026.1');
    const [created] = await readIncidentEvents(incidentId, db);
    expect(JSON.stringify(created!.payload)).not.toMatch(/bsn|phone/);
  });
});
