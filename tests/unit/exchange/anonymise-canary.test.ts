import { describe, expect, it } from 'vitest';
import { getDeviceId, setActorName } from '../../../src/db/settings.ts';
import { type AnonymiseChoices, findFreeTextHits } from '../../../src/exchange/export/anonymise.ts';
import { exportIncidents, readExportInput, serialiseExport } from '../../../src/exchange/export/export.ts';
import { exportFileName } from '../../../src/exchange/export/export-artifact.ts';
import { scanForPersonalData } from '../../../src/exchange/export/personal-data.ts';
import { readImportFile } from '../../../src/exchange/import/read-import.ts';
import { commandsFor, freshDatabase } from '../incidents/helpers.ts';

const ACTOR = 'Pietje Puk';
/** Personal data planted in the incident; none of it may reach the anonymised file. */
const PLANTED = [
  'de heer Jan Jansen',
  'mevrouw Fatima El Amrani',
  'buurvrouw Van den Berg',
  'Kerkstraat 17',
  'Lindelaan 4b',
  '1234 AB',
  '1234AB',
  '06-12345678',
  '+31 6 1234 5678',
  '020-1234567',
  '0031 20 123 4567',
  'jan.jansen@example.nl',
  'info@bedrijf-voorbeeld.nl',
  '12-ABC-3',
  'XX-99-XX',
  '1-ABC-23',
  '111222333',
  'NL91ABNA0417164300',
];
/** The strings checked for in the file: the names without their cue words, and the known values. */
const FORBIDDEN = [
  'Jan Jansen',
  'Jansen',
  'Fatima El Amrani',
  'Amrani',
  'Van den Berg',
  'Kerkstraat',
  'Lindelaan',
  '1234 AB',
  '06-12345678',
  '+31 6 1234 5678',
  '020-1234567',
  '0031 20 123 4567',
  'jan.jansen@example.nl',
  'bedrijf-voorbeeld',
  '12-ABC-3',
  'XX-99-XX',
  '1-ABC-23',
  '111222333',
  'NL91ABNA0417164300',
  ACTOR,
  'Pietje',
  // The minute of the incident: a news report has it too.
  '2026-03-01T21:30',
];
const plantedText = (deviceId: string) => `${PLANTED.join(', ')}; door ${ACTOR} op ${deviceId}.`;

async function plantedIncident() {
  const db = freshDatabase();
  await setActorName(ACTOR, db);
  const deviceId = await getDeviceId(db);
  const text = plantedText(deviceId);
  const commands = commandsFor(db);
  const { incidentId } = await commands.createIncident(
    {
      kind: 'explosie',
      target: 'woning',
      address: { street: 'Kerkstraat', houseNumber: '17', postcode: '1234 AB', city: 'Voorbeeldstad' },
      locationDescription: text,
      municipality: 'Gemeente Voorbeeld',
      occurredAt: '2026-03-01T21:30:00.000Z',
    },
    'direct-na',
    '2026.1',
  );
  await commands.setStepStatus(incidentId, 'direct-na.salvage-inschakelen', 'nvt', text);
  const note = await commands.addStepNote(incidentId, 'direct-na.salvage-inschakelen', text);
  await commands.editEntry(incidentId, note, { text: `${text} (bewerkt)` });
  const log = await commands.addLogEntry(incidentId, text);
  // No cue word here: only what was found in the other texts can recognise these names.
  await commands.addLogEntry(incidentId, 'Overleg gehad met Jansen en met El Amrani, zie ook (06-12345678).');
  await commands.withdrawEntry(incidentId, log, text);
  const decision = await commands.recordDecision(incidentId, {
    instrumentId: 'sluiting-woning',
    outcome: 'genomen',
    considerations: [{ considerationId: 'evenredigheid', checked: true, note: text }],
    motivation: text,
    decidedAt: '2026-03-01T23:00:00.000Z',
  });
  await commands.editEntry(incidentId, decision, {
    decision: { motivation: text, considerations: [{ considerationId: 'evenredigheid', checked: false, note: text }] },
  });
  await commands.updateDetails(incidentId, {
    address: { street: 'Lindelaan', houseNumber: '4b', postcode: '1234AB', city: 'Voorbeeldstad' },
    locationDescription: text,
  });
  return { db, incidentId, deviceId };
}

/** The planted value, and its variants: other case, and spaces or dashes left out. */
function findLeaks(serialised: string, forbidden: readonly string[]): string[] {
  const lower = serialised.toLowerCase();
  const squeezed = lower.replace(/[\s-]+/g, '');
  return forbidden.filter((value) => {
    const needle = value.toLowerCase();
    return lower.includes(needle) || squeezed.includes(needle.replace(/[\s-]+/g, ''));
  });
}

describe('the anonymised export', () => {
  for (const [label, keep] of [
    ['with the default choice (drop every free text)', false],
    ['when the adviser keeps every free text', true],
  ] as const) {
    it(`contains none of the planted personal data ${label}, but keeps municipality and postcode area`, async () => {
      const { db, incidentId, deviceId } = await plantedIncident();
      const input = await readExportInput(db, [incidentId]);
      const hits = findFreeTextHits(input);
      expect(hits.length).toBeGreaterThanOrEqual(9);
      const choices: AnonymiseChoices = keep
        ? { texts: Object.fromEntries(hits.map((hit) => [hit.key, 'keep' as const])) }
        : {};
      const file = await exportIncidents(db, { incidentIds: [incidentId], anonymise: choices });
      const serialised = serialiseExport(file);

      expect(findLeaks(serialised, [...FORBIDDEN, deviceId])).toEqual([]);
      expect(serialised).toContain('Gemeente Voorbeeld');
      expect(serialised).toContain('"postcode":"1234"');
      expect(serialised).toContain('"occurredAt":"2026-03-01"');
      expect(serialised).toContain('Adviseur 1');
      if (keep) expect(serialised).toContain('[telefoonnummer verwijderd]');
      else expect(serialised).toContain('[tekst verwijderd]');
      expect(findLeaks(exportFileName(file), [...FORBIDDEN, 'kerkstraat'])).toEqual([]);

      // It says what was removed, not what it was, and it is a valid exchange file.
      const removed = Object.fromEntries(file.removed!.map((item) => [item.what, item.count]));
      expect(removed).toMatchObject({ 'actor-name': 1, 'device-id': 1, street: 2, houseNumber: 2 });
      if (keep) expect(removed.phone).toBeGreaterThan(0);
      else expect(removed['free-text-dropped']).toBe(hits.length);
      const read = await readImportFile({ size: serialised.length, text: async () => serialised });
      expect(read.ok).toBe(true);
    });
  }

  it('is checked by a leak finder that does find every planted value in the own (non-anonymised) export', async () => {
    const { db, incidentId, deviceId } = await plantedIncident();
    const own = serialiseExport(await exportIncidents(db, { incidentIds: [incidentId] }));
    expect(findLeaks(own, [...FORBIDDEN, deviceId])).toEqual([...FORBIDDEN, deviceId]);
  });

  it('lists every free text with its hits, so the adviser can choose per text', async () => {
    const { db, incidentId } = await plantedIncident();
    const hits = findFreeTextHits(await readExportInput(db, [incidentId]));
    const fields = new Set(hits.map((hit) => hit.field));
    for (const field of ['locationDescription', 'reason', 'text', 'motivation', 'considerations.0.note']) {
      expect(fields).toContain(field);
    }
    expect(fields).toContain('decision.motivation');
    const kinds = new Set(hits[0]!.hits.map((hit) => hit.kind));
    for (const kind of ['name', 'address', 'postcode', 'phone', 'email', 'licence-plate', 'bsn', 'iban', 'device-id']) {
      expect(kinds).toContain(kind);
    }
  });
});

describe('scanForPersonalData', () => {
  it('gives the kind, the text and its offsets', () => {
    const text = 'Bel 06-12345678.';
    expect(scanForPersonalData(text)).toEqual([{ kind: 'phone', text: '06-12345678', start: 4, end: 15 }]);
  });

  it('leaves ordinary sentences with times, dates and years alone', () => {
    expect(scanForPersonalData('Om 12 uur op 01-03-2026 12:30 kwam in 2000 en 1500 de politie; 3 woningen.')).toEqual(
      [],
    );
  });
});
