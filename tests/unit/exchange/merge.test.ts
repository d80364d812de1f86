import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../src/db/database.ts';
import { readAllEvents } from '../../../src/db/event-log.ts';
import { exportIncidents, serialiseExport } from '../../../src/exchange/export/export.ts';
import type { ExchangeFile } from '../../../src/exchange/format/types.ts';
import { applyImport } from '../../../src/exchange/import/import-apply.ts';
import { previewImport } from '../../../src/exchange/import/import-preview.ts';
import { readImportFile } from '../../../src/exchange/import/read-import.ts';
import { readIncidentEvents, readIncidentState } from '../../../src/incidents/store/queries.ts';
import { compareEvents } from '../../../src/model/events.ts';
import { commandsFor, dumpDatabase, freshDatabase, homeAt, steppingClock } from '../incidents/helpers.ts';
import { artifactText } from '../support/artifact.ts';

const STEP = 'direct-na.salvage-inschakelen';
const textFile = (text: string) => ({ size: text.length, text: async () => text });

async function fileOf(db: AppDatabase, anonymise = false): Promise<ExchangeFile> {
  const exported = await exportIncidents(db, { incidentIds: 'all', ...(anonymise ? { anonymise: {} } : {}) });
  const read = await readImportFile(textFile(serialiseExport(exported)));
  if (!read.ok) throw new Error(`${read.reason}: ${read.detail}`);
  return read.file;
}

async function importInto(db: AppDatabase, file: ExchangeFile) {
  const result = await applyImport(db, file);
  if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
  return result;
}

/** Two phones that share an incident, then each set the same step differently; B's change is later. */
async function twoPhonesInConflict() {
  const phoneA = freshDatabase();
  const phoneB = freshDatabase();
  const a = commandsFor(phoneA, { now: steppingClock('2026-03-01T22:00:00.000Z') });
  const b = commandsFor(phoneB, { now: steppingClock('2026-03-01T22:30:00.000Z') });
  const { incidentId } = await a.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
  await importInto(phoneB, await fileOf(phoneA));
  await a.setStepStatus(incidentId, STEP, 'gedaan');
  await a.addLogEntry(incidentId, 'A was er');
  await b.setStepStatus(incidentId, STEP, 'nvt', 'geen schade');
  return { phoneA, phoneB, incidentId };
}

describe('importing an own file', () => {
  it('twice changes nothing the second time', async () => {
    const source = freshDatabase();
    const commands = commandsFor(source);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
    await commands.addLogEntry(incidentId, 'x');
    const file = await fileOf(source);

    const target = freshDatabase();
    expect(await importInto(target, file)).toMatchObject({ added: 2, incidentIds: [incidentId] });
    const once = await dumpDatabase(target);
    expect(await importInto(target, file)).toEqual({ ok: true, added: 0, incidentIds: [], networkIncidentIds: [] });
    expect(await dumpDatabase(target)).toEqual(once);
    const preview = await previewImport(target, file);
    expect(preview).toMatchObject({ ok: true, preview: { eventsAdded: 0, incidents: [{ change: 'unchanged' }] } });
  });

  it('from two phones about the same incident ends identical whichever imports first, the later change deciding', async () => {
    const { phoneA, phoneB, incidentId } = await twoPhonesInConflict();
    const fromA = await fileOf(phoneA);
    const fromB = await fileOf(phoneB);
    await importInto(phoneA, fromB);
    await importInto(phoneB, fromA);

    const eventsA = await readIncidentEvents(incidentId, phoneA);
    expect(eventsA).toEqual(await readIncidentEvents(incidentId, phoneB));
    expect(await phoneA.incidents.get(incidentId)).toEqual(await phoneB.incidents.get(incidentId));
    const step = (await readIncidentState(incidentId, phoneA))!.steps[STEP]!;
    expect(step.status).toBe('nvt');
    expect(step.history.map((change) => change.status)).toEqual(['gedaan', 'nvt']);
  });

  it('shows a step set differently on both phones as a conflict in the preview, with the winner by (at, device, id)', async () => {
    const { phoneA, phoneB, incidentId } = await twoPhonesInConflict();
    const before = await dumpDatabase(phoneA);
    const result = await previewImport(phoneA, await fileOf(phoneB));
    expect(await dumpDatabase(phoneA)).toEqual(before);
    if (!result.ok) throw new Error(result.detail);
    const [incident] = result.preview.incidents;
    expect(incident).toMatchObject({ incidentId, change: 'merged', eventsAdded: 1 });
    expect(incident!.conflicts).toEqual([
      expect.objectContaining({
        incidentId,
        stepId: STEP,
        local: expect.objectContaining({ status: 'gedaan', at: '2026-03-01T22:00:01.000Z' }),
        incoming: expect.objectContaining({ status: 'nvt', reason: 'geen schade' }),
        winner: 'incoming',
      }),
    ]);
    // Seen from the other phone, the same change wins: now it is the local one.
    const other = await previewImport(phoneB, await fileOf(phoneA));
    expect(other.ok && other.preview.incidents[0]!.conflicts[0]!.winner).toBe('local');
  });

  it('that is merely older than what is stored shows no conflict', async () => {
    const { phoneA, incidentId } = await twoPhonesInConflict();
    const older = await fileOf(phoneA);
    await commandsFor(phoneA, { now: steppingClock('2026-03-02T08:00:00.000Z') }).setStepStatus(
      incidentId,
      STEP,
      'later',
    );
    const result = await previewImport(phoneA, older);
    expect(result.ok && result.preview.incidents[0]).toMatchObject({ change: 'unchanged', conflicts: [] });
  });
});

describe('importing an anonymised file', () => {
  it('puts its incidents in the network table only, never among own incidents, and twice changes nothing', async () => {
    const source = freshDatabase();
    const commands = commandsFor(source);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
    await commands.setStepStatus(incidentId, STEP, 'gedaan');
    const file = await fileOf(source, true);
    expect(file.anonymised).toBe(true);

    // The id is a pseudonym: the network cannot link it to the original incident.
    const networkId = file.incidents[0]!.incident.id;
    expect(networkId).not.toBe(incidentId);
    expect(JSON.stringify(file)).not.toContain(incidentId);

    const target = freshDatabase();
    const preview = await previewImport(target, file);
    expect(preview).toMatchObject({
      ok: true,
      preview: { incidents: [], network: [{ incidentId: networkId, change: 'new' }] },
    });
    expect(await importInto(target, file)).toMatchObject({
      added: 0,
      incidentIds: [],
      networkIncidentIds: [networkId],
    });
    expect(await target.logs.count()).toBe(0);
    expect(await target.incidents.count()).toBe(0);
    const [row] = await target.networkIncidents.toArray();
    expect(row).toMatchObject({ id: networkId, municipality: 'Utrecht' });
    expect((row as unknown as { events: unknown[] }).events).toHaveLength(2);

    const once = await dumpDatabase(target);
    expect(await importInto(target, file)).toMatchObject({ networkIncidentIds: [] });
    expect(await dumpDatabase(target)).toEqual(once);

    // A later export from the same device uses the same pseudonyms: it merges, not duplicates.
    await commands.addLogEntry(incidentId, 'Later bijgewerkt');
    const again = await fileOf(source, true);
    expect(again.incidents[0]!.incident.id).toBe(networkId);
    expect(await importInto(target, again)).toMatchObject({ networkIncidentIds: [networkId] });
    expect(await target.networkIncidents.count()).toBe(1);
  });
});

describe('a backup', () => {
  it('restores own and network incidents into an empty device', async () => {
    const { createBackup } = await import('../../../src/exchange/export/backup.ts');
    const { getLastBackupAt } = await import('../../../src/db/settings.ts');
    const source = freshDatabase();
    const commands = commandsFor(source);
    await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
    const other = freshDatabase();
    await commandsFor(other).createIncident(homeAt('1000AA', '1', { municipality: 'Amsterdam' }), 'dreiging', '2026.1');
    await importInto(source, await fileOf(other, true));

    const now = new Date('2026-03-05T09:00:00.000Z');
    const backup = await createBackup(source, { now });
    expect(backup.fileName).toBe('handelingskader-backup-2026-03-05.json');
    expect(await getLastBackupAt(source)).toBe(now.toISOString());

    const read = await readImportFile(textFile(await artifactText(backup)));
    if (!read.ok) throw new Error(read.detail);
    const target = freshDatabase();
    await importInto(target, read.file);
    const sorted = async (db: AppDatabase) => ({
      events: (await readAllEvents(db)).sort(compareEvents),
      // importedAt is when this device received it, which a restore does not carry over.
      network: (await db.networkIncidents.toArray()).map(({ importedAt: _importedAt, ...row }) => row),
    });
    expect(await sorted(target)).toEqual(await sorted(source));
  });
});

describe('every exchange format ever shipped', () => {
  it('version 1 (tests/fixtures/exchange-v1.json) still imports', async () => {
    const text = readFileSync('tests/fixtures/exchange-v1.json', 'utf8');
    const read = await readImportFile(textFile(text));
    if (!read.ok) throw new Error(`${read.reason}: ${read.detail}`);
    const db = freshDatabase();
    const result = await importInto(db, read.file);
    expect(result.added).toBeGreaterThan(5);
    const state = await readIncidentState(result.incidentIds[0]!, db);
    expect(state?.details.municipality).toBe('Utrecht');
    expect(state?.decisions).toHaveLength(1);
  });
});
