import { describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../src/db/database.ts';
import { readAllEvents } from '../../../src/db/event-log.ts';
import { setActorName } from '../../../src/db/settings.ts';
import { createIncidentCommands } from '../../../src/incidents/commands.ts';
import { INCIDENT_KINDS, STEP_STATUSES } from '../../../src/incidents/events.ts';
import { foldIncident } from '../../../src/incidents/fold.ts';
import { IncidentCommandError } from '../../../src/incidents/incident-command-error.ts';
import { projectIncident } from '../../../src/incidents/projection.ts';
import { readIncidentEvents } from '../../../src/incidents/queries.ts';
import { prng } from '../support/prng.ts';
import { freshDatabase, homeAt, realKader } from './helpers.ts';

/** A clock that mostly moves forward, sometimes stands still and sometimes jumps back (a phone's clock being set). */
function wobblyClock(random: ReturnType<typeof prng>) {
  let time = Date.parse('2026-03-01T20:00:00.000Z');
  return () => {
    const roll = random.next();
    if (roll < 0.2) time += 0;
    else if (roll < 0.3) time -= random.int(120_000);
    else time += random.int(3_600_000);
    return new Date(time);
  };
}

async function runRandomCommands(db: AppDatabase, seed: number) {
  const random = prng(seed);
  const kader = realKader();
  const commands = createIncidentCommands({ db, kader: () => kader, now: wobblyClock(random) });
  const stepIds = [...kader.phases.flatMap((phase) => phase.steps.map((step) => step.id)), 'direct-na.onbekend'];
  const postcodes = ['3512AB', '3512 ab', '1000AA'];
  const incidents: string[] = [];
  const entries = new Map<string, string[]>();

  const actions: (() => Promise<unknown>)[] = [];
  const on = (action: (incidentId: string) => Promise<unknown>) => () =>
    incidents.length ? action(random.pick(incidents)) : Promise.resolve();
  const remember = (incidentId: string) => (entryId: string) => {
    entries.set(incidentId, [...(entries.get(incidentId) ?? []), entryId]);
  };
  actions.push(
    async () => {
      const target = random.pick(['woning', 'bedrijf', 'voertuig'] as const);
      const details = homeAt(random.pick(postcodes), String(1 + random.int(2)), {
        target,
        kind: random.pick(INCIDENT_KINDS),
      });
      const { incidentId } = await commands.createIncident(details, random.pick(['dreiging', 'direct-na']), '2026.1');
      incidents.push(incidentId);
    },
    on((id) =>
      commands.setStepStatus(id, random.pick(stepIds), random.pick(STEP_STATUSES), random.pick(['', 'omdat'])),
    ),
    on((id) => commands.setStepStatus(id, random.pick(stepIds), random.pick(STEP_STATUSES))),
    on((id) =>
      commands.addStepNote(id, random.pick(stepIds), `<script>n${random.int(100)}</script>`).then(remember(id)),
    ),
    on((id) =>
      commands
        .addLogEntry(
          id,
          `log ${random.int(100)}`,
          random.next() < 0.5
            ? undefined
            : new Date(Date.parse('2026-03-01T19:00:00.000Z') + random.int(7_200_000)).toISOString(),
        )
        .then(remember(id)),
    ),
    on((id) =>
      commands
        .recordDecision(id, {
          instrumentId: 'sluiting-woning',
          outcome: random.pick(['genomen', 'niet-genomen'] as const),
          considerations: [{ considerationId: 'c', checked: random.next() < 0.5, note: '' }],
          motivation: 'm',
          decidedAt: '2026-03-01T21:00:00.000Z',
        })
        .then(remember(id)),
    ),
    on((id) => {
      const known = entries.get(id) ?? [];
      if (!known.length) return Promise.resolve();
      const entryId = random.pick(known);
      return random.next() < 0.6
        ? commands.editEntry(
            id,
            entryId,
            random.next() < 0.5 ? { text: `bewerkt ${random.int(9)}` } : { decision: { motivation: 'anders' } },
          )
        : commands.withdrawEntry(id, entryId, 'fout');
    }),
    on((id) => commands.changePhase(id, random.pick(['dreiging', 'direct-na', 'nazorg'] as const))),
    on((id) => commands.closeIncident(id)),
    on((id) => commands.reopenIncident(id)),
    on((id) =>
      commands.updateDetails(
        id,
        random.next() < 0.5 ? { municipality: 'Zeist' } : { address: homeAt(random.pick(postcodes), '1').address! },
      ),
    ),
    on(async (id) => {
      if (random.next() < 0.3) {
        await commands.deleteIncident(id);
        incidents.splice(incidents.indexOf(id), 1);
      }
    }),
  );

  const count = 10 + random.int(40);
  for (let i = 0; i < count; i++) {
    if (random.next() < 0.1) await setActorName(random.pick(['A', 'B', 'C']), db);
    try {
      await random.pick(actions)();
    } catch (error) {
      // Refusals (closed incident, withdrawn entry) are part of the game; nothing else is.
      if (!(error instanceof IncidentCommandError)) throw error;
    }
  }
  return random;
}

describe('the stored list row', () => {
  it('equals the projection of the fold of its events, and event order does not matter, for many random histories', async () => {
    const kader = realKader();
    for (let seed = 1; seed <= 60; seed++) {
      const db = freshDatabase();
      const random = await runRandomCommands(db, seed);

      const rows = await db.incidents.toArray();
      const eventIncidentIds = new Set((await readAllEvents(db)).map((event) => event.incidentId));
      expect(new Set(rows.map((row) => row.id)), `seed ${seed}`).toEqual(eventIncidentIds);

      for (const row of rows) {
        const events = await readIncidentEvents(row.id, db);
        const state = foldIncident(events);
        expect(row, `seed ${seed}`).toStrictEqual(projectIncident(state!, kader));
        expect(foldIncident(random.shuffle(events)), `seed ${seed}`).toStrictEqual(state);
      }
      db.close();
    }
  }, 60_000);
});
