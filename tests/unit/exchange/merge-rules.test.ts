import { beforeAll, describe, expect, it } from 'vitest';
import { indexKader } from '../../../src/content/kader-index.ts';
import type { AppDatabase } from '../../../src/db/database.ts';
import { setActorName } from '../../../src/db/settings.ts';
import { exportIncidents, serialiseExport } from '../../../src/exchange/export/export.ts';
import type { ExchangeFile } from '../../../src/exchange/format/types.ts';
import { applyImport } from '../../../src/exchange/import/import-apply.ts';
import { previewImport } from '../../../src/exchange/import/import-preview.ts';
import { IMPORT_MESSAGE } from '../../../src/exchange/import/import-result.ts';
import { type ImportableFile, readImportFile } from '../../../src/exchange/import/read-import.ts';
import { foldIncident } from '../../../src/incidents/domain/fold.ts';
import { buildTimeline } from '../../../src/incidents/domain/timeline.ts';
import { readIncidentEvents } from '../../../src/incidents/store/queries.ts';
import type { IncidentEvent } from '../../../src/model/events.ts';
import { commandsFor, dumpDatabase, freshDatabase, homeAt, realKader } from '../incidents/helpers.ts';

/**
 * The rules of the one merge, through the whole import as an adviser meets it: files
 * made by hand that passed 200+ generated hostile files before and still were wrong.
 */

const textFile = (text: string): ImportableFile => ({ size: text.length, text: async () => text });
const kader = realKader();
const stepId = kader.phases[2]!.steps[0]!.id;

let db: AppDatabase;
let own: ExchangeFile;
let incidentId: string;

beforeAll(async () => {
  const source = freshDatabase();
  const commands = commandsFor(source);
  ({ incidentId } = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', kader.version));
  await commands.setStepStatus(incidentId, stepId, 'gedaan');
  await commands.addLogEntry(incidentId, 'Politie ter plaatse', '2026-03-01T21:55');
  own = await exportIncidents(source, { incidentIds: 'all', kader, now: new Date('2026-03-02T10:00:00.000Z') });
  db = freshDatabase();
  const read = await readImportFile(textFile(serialiseExport(own)));
  if (!read.ok) throw new Error(read.detail);
  expect(await applyImport(db, read.file, { kader })).toMatchObject({ ok: true });
});

const copy = (): ExchangeFile => JSON.parse(serialiseExport(own));
const eventsOf = (file: ExchangeFile) => file.incidents[0]!.events as IncidentEvent[];

async function expectRefusedAndNothingChanged(file: ExchangeFile, reason: string, name: string) {
  const before = await dumpDatabase(db);
  const read = await readImportFile(textFile(JSON.stringify(file)));
  const results = read.ok
    ? [await previewImport(db, read.file, { kader }), await applyImport(db, read.file, { kader })]
    : [read];
  for (const result of results) {
    expect(result, name).toMatchObject({ ok: false, reason });
    if (!result.ok) expect(Object.values(IMPORT_MESSAGE), name).toContain(result.message);
  }
  expect(await dumpDatabase(db), name).toEqual(before);
}

describe('an incident has exactly one start across the merged log', () => {
  const variants: [string, (created: IncidentEvent) => void][] = [
    ['another start id', (created) => Object.assign(created, { id: '01JZZZZZZZZZZZZZZZZZZZZZZZ' })],
    [
      'another start id and another address',
      (created) => {
        created.id = '01JZZZZZZZZZZZZZZZZZZZZZZY';
        if (created.type === 'incident.created') created.payload.address!.street = 'Kerkstraat';
      },
    ],
    [
      'another start id, municipality, phase and maker',
      (created) => {
        created.id = '01JZZZZZZZZZZZZZZZZZZZZZZX';
        created.actor = 'Iemand anders';
        if (created.type === 'incident.created')
          Object.assign(created.payload, { municipality: 'Elders', phase: 'dreiging' });
      },
    ],
  ];
  for (const [name, change] of variants) {
    it(`refuses a file whose stored incident has ${name}, and changes nothing`, async () => {
      const file = copy();
      const events = eventsOf(file);
      change(events.find((event) => event.type === 'incident.created')!);
      await expectRefusedAndNothingChanged(file, 'conflicting-incident', name);
      const stored = await readIncidentEvents(incidentId, db);
      expect(stored.filter((event) => event.type === 'incident.created')).toHaveLength(1);
    });
  }

  it('refuses a file that holds two starts for one incident', async () => {
    const file = copy();
    const created = eventsOf(file).find((event) => event.type === 'incident.created')!;
    eventsOf(file).push({ ...created, id: '01JZZZZZZZZZZZZZZZZZZZZZZW' });
    await expectRefusedAndNothingChanged(file, 'invalid-content', 'two starts');
  });
});

describe('dates must be real calendar dates', () => {
  const impossible = [
    '2026-02-31',
    '2026-04-31T10:00',
    '2025-02-29T08:00',
    '2026-13-01',
    '2026-06-10T24:00',
    '2026-06-10T10:60',
  ];
  const places: [string, (events: IncidentEvent[], date: string) => void][] = [
    [
      'the incident time',
      (events, date) => Object.assign(events.find((e) => e.type === 'incident.created')!.payload, { occurredAt: date }),
    ],
    [
      'a backdated log entry',
      (events, date) => Object.assign(events.find((e) => e.type === 'log.entry-added')!.payload, { happenedAt: date }),
    ],
  ];
  for (const date of impossible) {
    for (const [where, change] of places) {
      it(`refuses ${date} as ${where}`, async () => {
        const file = copy();
        change(eventsOf(file), date);
        await expectRefusedAndNothingChanged(file, 'invalid-content', `${date} ${where}`);
      });
    }
  }

  it('accepts 29 February in a leap year', async () => {
    const file = copy();
    Object.assign(eventsOf(file).find((e) => e.type === 'log.entry-added')!.payload, {
      happenedAt: '2028-02-29T10:00',
    });
    file.incidents[0]!.incident.id = incidentId;
    expect((await readImportFile(textFile(JSON.stringify(file)))).ok).toBe(true);
  });
});

describe('steps and instruments the content does not have', () => {
  const unknownIn: [string, (events: IncidentEvent[]) => void][] = [
    [
      'a step status',
      (events) =>
        Object.assign(events.find((e) => e.type === 'step.status-set')!.payload, { stepId: 'direct-na.bestaat-niet' }),
    ],
    [
      'a decision',
      (events) =>
        events.push({
          ...events[0]!,
          id: '01JZZZZZZZZZZZZZZZZZZZZZZV',
          type: 'decision.recorded',
          payload: {
            instrumentId: 'gemw-999',
            outcome: 'genomen',
            considerations: [],
            motivation: 'm',
            decidedAt: '2026-03-01T23:00',
          },
        } as IncidentEvent),
    ],
  ];
  for (const [where, change] of unknownIn) {
    it(`are refused in ${where} when the file claims the app's own content version`, async () => {
      const file = copy();
      change(eventsOf(file));
      await expectRefusedAndNothingChanged(file, 'unknown-content', where);
    });
  }

  it('are kept from a newer content version and shown as an unknown step of a newer framework', async () => {
    const file = copy();
    file.contentVersion = `${kader.version}-nieuwer`;
    const tap = { ...eventsOf(file).find((e) => e.type === 'step.status-set')! };
    eventsOf(file).push({
      ...tap,
      id: '01JZZZZZZZZZZZZZZZZZZZZZZU',
      payload: { stepId: 'direct-na.nieuw-in-2027', status: 'gedaan' },
    } as IncidentEvent);
    const target = freshDatabase();
    const read = await readImportFile(textFile(JSON.stringify(file)));
    if (!read.ok) throw new Error(read.detail);
    expect(await applyImport(target, read.file, { kader })).toMatchObject({ ok: true, added: 4 });
    const events = await readIncidentEvents(incidentId, target);
    const timeline = buildTimeline(events, foldIncident(events)!, indexKader(kader));
    expect(timeline.map((item) => item.title)).toContain(
      'Onbekende stap (nieuwere versie van het kader): direct-na.nieuw-in-2027: Gedaan',
    );
  });
});

describe('a step kept from a newer framework version', () => {
  it('travels on in this device’s own export, declared, and imports on a device of the same version', async () => {
    const file = copy();
    file.contentVersion = `${kader.version}-nieuwer`;
    const tap = { ...eventsOf(file).find((e) => e.type === 'step.status-set')! };
    eventsOf(file).push({
      ...tap,
      id: '01JZZZZZZZZZZZZZZZZZZZZZZT',
      payload: { stepId: 'direct-na.nieuw-in-2027', status: 'gedaan' },
    } as IncidentEvent);
    const middle = freshDatabase();
    const read = await readImportFile(textFile(JSON.stringify(file)));
    if (!read.ok) throw new Error(read.detail);
    expect(await applyImport(middle, read.file, { kader })).toMatchObject({ ok: true });

    const backup = await exportIncidents(middle, { incidentIds: 'all', kader });
    expect(backup.contentVersion).toBe(kader.version);
    expect(backup.incidents[0]!.incident.newerContentIds).toEqual(['direct-na.nieuw-in-2027']);
    const restored = await readImportFile(textFile(serialiseExport(backup)));
    if (!restored.ok) throw new Error(restored.detail);
    expect(await applyImport(freshDatabase(), restored.file, { kader })).toMatchObject({ ok: true });

    // Declared ids only: one more unknown id in the same file is still refused.
    const tampered = JSON.parse(serialiseExport(backup)) as ExchangeFile;
    Object.assign(eventsOf(tampered).find((e) => e.type === 'step.status-set')!.payload, {
      stepId: 'direct-na.verzonnen',
    });
    await expectRefusedAndNothingChanged(tampered, 'unknown-content', 'undeclared id');
  });
});

describe('anonymised copies of one incident from the network', () => {
  it('merge again when a later export numbers pseudonyms and rounds times differently', async () => {
    const source = freshDatabase();
    const commands = commandsFor(source);
    const first = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', kader.version);
    await commands.setStepStatus(first.incidentId, stepId, 'gedaan');
    const byDay = await exportIncidents(source, {
      incidentIds: [first.incidentId],
      anonymise: { timePrecision: 'day' },
    });
    // A second incident by another adviser comes first in the next file, and the time is kept to the hour.
    await setActorName('B. de Vries', source);
    await commandsFor(source).createIncident(homeAt('1000AA', '1'), 'direct-na', kader.version);
    await commandsFor(source).addLogEntry(first.incidentId, 'later verslag');
    const byHour = await exportIncidents(source, { incidentIds: 'all', anonymise: { timePrecision: 'hour' } });

    const target = freshDatabase();
    for (const file of [byDay, byHour]) {
      const read = await readImportFile(textFile(serialiseExport(file)));
      if (!read.ok) throw new Error(read.detail);
      expect(await previewImport(target, read.file, { kader })).toMatchObject({ ok: true });
      expect(await applyImport(target, read.file, { kader })).toMatchObject({ ok: true });
    }
    const rows = await target.networkIncidents.toArray();
    expect(rows).toHaveLength(2);
    const merged = rows.find((row) => (row.events as IncidentEvent[]).length === 3)!;
    expect((merged.events as IncidentEvent[]).map((event) => event.type).sort()).toEqual([
      'incident.created',
      'log.entry-added',
      'step.status-set',
    ]);
  });
});
