import { describe, expect, it } from 'vitest';
import { csvCell, incidentChecklistCsv } from '../../../src/exchange/export/checklist-csv.ts';
import { readIncidentState } from '../../../src/incidents/store/queries.ts';
import { commandsFor, freshDatabase, homeAt } from '../incidents/helpers.ts';
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

  it('has one row per step for the target, with status, reason, who and when, and the notes', async () => {
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
    expect(lines[0]).toBe('Fase;Stap-id;Stap;Status;Reden;Laatst gewijzigd op;Door;Aantekeningen');
    // Steps for homes: 1 prevention, 1 threat, 6 direct-after (not the vehicle one), 1 aftercare.
    expect(lines).toHaveLength(1 + 9);
    expect(lines).toContain(
      `direct-na;direct-na.uur-a;uur-a;nvt;"'=geen; schade";2026-03-01T22:00:01.000Z;;'@melder belde`,
    );
  });
});
