import { describe, expect, it } from 'vitest';
import { setActorName } from '../../../src/db/settings.ts';
import { coarsenTime } from '../../../src/exchange/export/amsterdam-time.ts';
import { findFreeTextHits } from '../../../src/exchange/export/anonymise.ts';
import { exportIncidents, readExportInput, serialiseExport } from '../../../src/exchange/export/export.ts';
import { redact, scanForPersonalData } from '../../../src/exchange/export/personal-data.ts';
import { commandsFor, freshDatabase, steppingClock } from '../incidents/helpers.ts';

async function incidentWithTexts(texts: string[], occurredAt = '2026-03-01T23:30:00.000Z') {
  const db = freshDatabase();
  await setActorName('Kees de Vries', db);
  const commands = commandsFor(db, { now: steppingClock('2026-08-01T00:00:00.000Z') });
  const { incidentId } = await commands.createIncident(
    {
      kind: 'explosie',
      target: 'woning',
      address: { street: 'Kerkstraat', houseNumber: '17', postcode: '1234 AB', city: 'Voorbeeldstad' },
      municipality: 'Voorbeeldstad',
      occurredAt,
    },
    'direct-na',
    '2026.1',
  );
  for (const text of texts) await commands.addLogEntry(incidentId, text);
  return { db, incidentId };
}

const keepAll = async (db: ReturnType<typeof freshDatabase>, incidentId: string) => {
  const hits = findFreeTextHits(await readExportInput(db, [incidentId]));
  return Object.fromEntries(hits.map((hit) => [hit.key, 'keep' as const]));
};

describe('a kept free text', () => {
  it('loses a name that was recognised in another text of the incident, where it had a cue word', async () => {
    const { db, incidentId } = await incidentWithTexts([
      'Gesproken met bewoonster Fatima El Amrani.',
      'El Amrani belt morgen terug; Amrani wil geen camera.',
    ]);
    const file = await exportIncidents(db, {
      incidentIds: [incidentId],
      anonymise: { texts: await keepAll(db, incidentId) },
    });
    const serialised = serialiseExport(file);
    expect(serialised).not.toMatch(/Amrani|Fatima/);
    expect(serialised).toContain('[naam verwijderd] belt morgen terug');
  });

  it('loses a phone number, e-mail address or plate found in another text, also written differently', async () => {
    const { db, incidentId } = await incidentWithTexts([
      'Melder bereikbaar op 06-12345678, mail piet@example.nl, auto XX-99-XX.',
      'Teruggebeld op 06 1234 5678; piet@example.nl; XX99XX stond er weer.',
    ]);
    const serialised = serialiseExport(
      await exportIncidents(db, { incidentIds: [incidentId], anonymise: { texts: await keepAll(db, incidentId) } }),
    );
    expect(serialised).not.toMatch(/12345678|1234 5678|piet@|XX-?99-?XX/);
  });

  it('shows the cross-text hit in the review, so the adviser sees what will go', async () => {
    const { db, incidentId } = await incidentWithTexts(['De heer Bakker belde.', 'Bakker komt om drie uur.']);
    const hits = findFreeTextHits(await readExportInput(db, [incidentId]));
    const second = hits.find((hit) => hit.text.startsWith('Bakker komt'));
    expect(second?.hits).toEqual([{ kind: 'name', text: 'Bakker', start: 0, end: 6 }]);
  });
});

describe('an edited free text', () => {
  it('goes in its edited form, and is still scanned for what the incident revealed', async () => {
    const { db, incidentId } = await incidentWithTexts(['Buurman Pieter Bakker zag een scooter wegrijden.']);
    const [hit] = findFreeTextHits(await readExportInput(db, [incidentId]));
    const file = await exportIncidents(db, {
      incidentIds: [incidentId],
      anonymise: { texts: { [hit!.key]: { edited: 'Een buurman (Bakker) zag een scooter wegrijden.' } } },
    });
    const serialised = serialiseExport(file);
    expect(serialised).toContain('Een buurman ([naam verwijderd]) zag een scooter wegrijden.');
    expect(serialised).not.toContain('Bakker');
    expect(file.removed).toContainEqual({ what: 'free-text-edited', count: 1 });
  });
});

describe('known terms in a text', () => {
  const known = [
    { kind: 'name' as const, text: 'Fatima El Amrani' },
    { kind: 'name' as const, text: 'Amrani' },
    { kind: 'phone' as const, text: '06-12345678' },
    { kind: 'postcode' as const, text: '1234 AB' },
  ];
  const found = (text: string) => scanForPersonalData(text, known).map((hit) => `${hit.kind}:${hit.text}`);

  it('are found word by word, whatever the case and the spaces, dots or dashes between the words', () => {
    expect(found('FATIMA el-amrani belde')).toEqual(['name:FATIMA el-amrani']);
    expect(found('Nummer 0612345678 en postcode 1234AB.')).toEqual(['phone:0612345678', 'postcode:1234AB']);
    expect(found("Amrani's zoon")).toEqual(['name:Amrani']);
  });

  it('are not found inside another word, and the longest term wins', () => {
    expect(found('De Amranistraat en Fatima El Amrani zelf.')).toEqual(['name:Fatima El Amrani']);
  });
});

describe('a phone number in brackets', () => {
  it('is found without its opening bracket, so the closing one stays in place', () => {
    const text = 'Bel de melder (06-12345678) vandaag.';
    const hits = scanForPersonalData(text);
    expect(hits).toEqual([{ kind: 'phone', text: '06-12345678', start: 15, end: 26 }]);
    expect(redact(text, hits)).toBe('Bel de melder ([telefoonnummer verwijderd]) vandaag.');
  });

  it('keeps a bracket that belongs to the number, as in an area code', () => {
    const text = 'Gemeente: (020) 1234567.';
    expect(redact(text, scanForPersonalData(text))).toBe('Gemeente: [telefoonnummer verwijderd].');
  });
});

describe('the moment of the incident in an anonymised file', () => {
  it('is the Dutch calendar day by default (23:30 UTC on 1 March is 2 March in the Netherlands)', async () => {
    const { db, incidentId } = await incidentWithTexts([]);
    const file = await exportIncidents(db, { incidentIds: [incidentId], anonymise: {} });
    expect(file.incidents[0]!.incident.occurredAt).toBe('2026-03-02');
    const created = file.incidents[0]!.events.find((event) => event.type === 'incident.created');
    expect(created?.payload).toMatchObject({ occurredAt: '2026-03-02' });
    expect(file.removed).toContainEqual({ what: 'occurredAt-day', count: 2 });
    expect(serialiseExport(file)).not.toContain('23:30');
  });

  it('follows a chosen precision, through the same field policy', async () => {
    const { db, incidentId } = await incidentWithTexts([], '2026-07-14T09:47:00.000Z');
    const hour = await exportIncidents(db, { incidentIds: [incidentId], anonymise: { timePrecision: 'hour' } });
    expect(hour.incidents[0]!.incident.occurredAt).toBe('2026-07-14T11:00+02:00');
    const month = await exportIncidents(db, { incidentIds: [incidentId], anonymise: { timePrecision: 'month' } });
    expect(month.incidents[0]!.incident.occurredAt).toBe('2026-07-01');
  });

  it('stays exact in the own (not anonymised) export', async () => {
    const { db, incidentId } = await incidentWithTexts([]);
    const file = await exportIncidents(db, { incidentIds: [incidentId] });
    expect(file.incidents[0]!.incident.occurredAt).toBe('2026-03-01T23:30:00.000Z');
  });

  it('rounds a date entered without a time as well', () => {
    expect(coarsenTime('2026-03-05', 'day')).toBe('2026-03-05');
    expect(coarsenTime('2026-03-05', 'month')).toBe('2026-03-01');
    expect(coarsenTime('2026-01-01T00:15:00.000+01:00', 'hour')).toBe('2026-01-01T00:00+01:00');
  });
});
