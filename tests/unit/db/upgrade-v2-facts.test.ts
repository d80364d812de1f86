import { describe, expect, it } from 'vitest';
import { readAllEvents } from '../../../src/db/event-log.ts';
import { readVersion1Facts } from '../../../src/db/upgrade-v2.ts';
import { foldIncident } from '../../../src/incidents/domain/fold.ts';
import { groupByIncident } from '../../../src/model/events.ts';
import { freshDatabase } from '../incidents/helpers.ts';
import { runRandomHistory } from '../support/random-history.ts';

/**
 * The version-2 upgrade reads the address and links with its own frozen rules, so a
 * change to the app's fold cannot change a shipped migration. Today both must agree.
 */
describe('the frozen reading of the version-2 upgrade', () => {
  it('gives the address and links the fold gives, for random histories with clocks that jump back', async () => {
    let compared = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const db = freshDatabase();
      await runRandomHistory(db, seed, { clock: seed % 2 ? 'forward' : 'wobbly' });
      for (const [incidentId, events] of groupByIncident(await readAllEvents(db))) {
        const state = foldIncident(events)!;
        expect(readVersion1Facts(incidentId, events), `seed ${seed}`).toEqual({
          address: state.details.address,
          linkedIncidentIds: state.links.map((link) => link.incidentId),
        });
        compared++;
      }
      db.close();
    }
    expect(compared).toBeGreaterThan(25);
  });
});
