import { describe, expect, it } from 'vitest';
import {
  CSV_HEADER,
  checklistCsvFileName,
  csvCell,
  incidentChecklistCsv,
} from '../../../src/exchange/export/checklist-csv.ts';
import { readIncidentState } from '../../../src/incidents/store/queries.ts';
import { commandsFor, freshDatabase, homeAt, steppingClock } from '../incidents/helpers.ts';
import { SMALL_KADER } from '../incidents/small-kader.ts';

describe('the checklist as CSV', () => {
  it('neutralises cells that Excel would run as a formula', () => {
    for (const attack of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvCell(attack).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('gewoon')).toBe('gewoon');
  });

  it('quotes separators, quotes and line breaks per RFC 4180', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvCell('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
  });

  it('has one row per step for the target, with the Dutch status, reason, who and when (Dutch time), and the notes', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '1'), 'direct-na', 'test');
    await commands.setStepStatus(incidentId, 'direct-na.uur-a', 'nvt', '=geen; schade');
    await commands.addStepNote(incidentId, 'direct-na.uur-a', '@melder belde');
    const csv = incidentChecklistCsv((await readIncidentState(incidentId, db))!, SMALL_KADER);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const table = lines.slice(lines.indexOf(CSV_HEADER.join(';')));
    expect(table[0]).toBe('Fase;Stap-id;Stap;Status;Reden;Laatst gewijzigd op;Door;Aantekeningen');
    // Steps for homes: 1 prevention, 1 threat, 6 direct-after (not the vehicle one), 1 aftercare.
    expect(table).toHaveLength(1 + 9);
    // 22:00:01 UTC on 1 March is 23:00 in the Netherlands (winter time).
    expect(table).toContain(`direct-na;direct-na.uur-a;uur-a;N.v.t.;"'=geen; schade";01-03-2026 23:00;;'@melder belde`);
    expect(table).toContain('direct-na;direct-na.uur-b;uur-b;Open;;;;');
    expect(csv).not.toMatch(/;(open|nvt|gedaan);/);
    expect(csv).not.toContain('T22:00');
  });

  it('starts with a block that says which incident it is, in Dutch time, also in summer', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db, { now: steppingClock('2026-08-01T08:00:00.000Z') });
    const details = homeAt('3512 AB', '12a', { occurredAt: '2026-07-14T22:30:00.000Z' });
    const { incidentId } = await commands.createIncident(details, 'direct-na', 'test');
    const state = (await readIncidentState(incidentId, db))!;
    const lines = incidentChecklistCsv(state, SMALL_KADER, new Date('2026-08-02T10:15:00.000Z'))
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines.slice(0, 12)).toEqual([
      'Checklist;"Dorpsstraat 12a, Utrecht"',
      'Soort;Explosie',
      'Doelwit;Woning',
      'Adres;"Dorpsstraat 12a, 3512 AB Utrecht"',
      'Gemeente;Utrecht',
      'Tijdstip incident;15-07-2026 00:30',
      'Fase;direct-na',
      'Status;Open',
      'Kader;versie test',
      'Gemaakt op;02-08-2026 12:15',
      'Tijden;Nederlandse tijd (Europe/Amsterdam)',
      '',
    ]);
    expect(checklistCsvFileName(state)).toBe('handelingskader-checklist-dorpsstraat-12a-utrecht-2026-07-15.csv');
  });

  it('is named after the municipality and the day when there is no address', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(
      homeAt('3512AB', '1', { target: 'voertuig', address: undefined, locationDescription: 'Parkeerplaats' }),
      'direct-na',
      'test',
    );
    const name = checklistCsvFileName((await readIncidentState(incidentId, db))!);
    expect(name).toBe('handelingskader-checklist-utrecht-2026-03-01.csv');
    expect(name).not.toContain(incidentId);
  });
});
