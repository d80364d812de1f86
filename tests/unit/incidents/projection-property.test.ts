import { describe, expect, it } from 'vitest';
import { logMark, readAllEvents } from '../../../src/db/event-log.ts';
import { foldIncident } from '../../../src/incidents/domain/fold.ts';
import { projectIncident } from '../../../src/incidents/domain/projection.ts';
import { readIncidentEvents } from '../../../src/incidents/store/queries.ts';
import { runRandomHistory } from '../support/random-history.ts';
import { freshDatabase, realKader } from './helpers.ts';

describe('the stored list row', () => {
  it('equals the projection of the fold of its events, and event order does not matter, for many random histories', async () => {
    const kader = realKader();
    let checked = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const db = freshDatabase();
      const random = await runRandomHistory(db, seed, {
        clock: 'wobbly',
        deletes: true,
        steps: 10 + ((seed * 7) % 40),
      });

      const rows = await db.incidents.toArray();
      const eventIncidentIds = new Set((await readAllEvents(db)).map((event) => event.incidentId));
      expect(new Set(rows.map((row) => row.id)), `seed ${seed}`).toEqual(eventIncidentIds);

      for (const row of rows) {
        const events = await readIncidentEvents(row.id, db);
        const state = foldIncident(events);
        expect(row, `seed ${seed}`).toStrictEqual({ ...projectIncident(state!, kader), logMark: logMark(events) });
        expect(foldIncident(random.shuffle(events)), `seed ${seed}`).toStrictEqual(state);
        checked += 1;
      }
      db.close();
    }
    // Deletions and refusals must not leave the property without rows to hold for.
    expect(checked).toBeGreaterThan(60);
  }, 60_000);
});
