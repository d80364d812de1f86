import type { AppDatabase } from '../../../src/db/database.ts';
import { setActorName } from '../../../src/db/settings.ts';
import { IncidentCommandError } from '../../../src/incidents/domain/incident-command-error.ts';
import { createIncidentCommands } from '../../../src/incidents/store/commands.ts';
import { INCIDENT_KINDS, STEP_STATUSES } from '../../../src/model/events.ts';
import { homeAt, realKader } from '../incidents/helpers.ts';
import { prng } from './prng.ts';

export interface RandomHistoryOptions {
  /** Commands to try; refusals (a closed incident, a withdrawn entry) count too. */
  steps?: number;
  /** `wobbly`: the clock sometimes jumps back, as when a phone's clock is set. */
  clock?: 'forward' | 'wobbly';
  /** Also delete incidents now and then. */
  deletes?: boolean;
}

function clockFor(random: ReturnType<typeof prng>, kind: 'forward' | 'wobbly') {
  // After the incidents' time (21:30) and their decisions': the commands refuse moments in the future.
  let time = Date.parse('2026-03-01T22:00:00.000Z');
  return () => {
    const roll = random.next();
    if (roll < 0.2) time += 0;
    else if (kind === 'wobbly' && roll < 0.3) time -= random.int(120_000);
    else time += random.int(3_600_000);
    return new Date(time);
  };
}

/**
 * Random work through the real commands: incidents, statuses, notes, log entries,
 * decisions, edits, withdrawals, phases, closing, corrections and (optionally)
 * deletions. Returns the generator, for further random choices by the test.
 */
export async function runRandomHistory(
  db: AppDatabase,
  seed: number,
  options: RandomHistoryOptions = {},
): Promise<ReturnType<typeof prng>> {
  const random = prng(seed);
  const { steps = 10 + (seed % 30), clock = 'forward', deletes = false } = options;
  const kader = realKader();
  const now = clockFor(random, clock);
  const commands = createIncidentCommands({ db, kader: () => kader, now });
  const stepIds = [...kader.phases.flatMap((phase) => phase.steps.map((step) => step.id)), 'direct-na.onbekend'];
  const postcodes = ['3512AB', '3512 ab', '1000AA'];
  const incidents: string[] = [];
  const entries = new Map<string, string[]>();
  const on = (action: (incidentId: string) => Promise<unknown>) => () =>
    incidents.length ? action(random.pick(incidents)) : Promise.resolve();
  const remember = (incidentId: string) => (entryId: string) => {
    entries.set(incidentId, [...(entries.get(incidentId) ?? []), entryId]);
  };
  const text = () =>
    random.pick([
      'kort',
      'Met "aanhalingstekens"; en ;',
      'regel 1\nregel 2',
      'é ë ü — ✓',
      '=SUM(A1)',
      `<script>n${random.int(100)}</script>`,
    ]);
  const actions: (() => Promise<unknown>)[] = [
    async () => {
      const details = homeAt(random.pick(postcodes), String(1 + random.int(3)), {
        target: random.pick(['woning', 'bedrijf', 'voertuig'] as const),
        kind: random.pick(INCIDENT_KINDS),
        ...(random.next() < 0.3 ? { locationDescription: 'bij de rotonde' } : {}),
      });
      const { incidentId } = await commands.createIncident(details, random.pick(['dreiging', 'direct-na']), '2026.1');
      incidents.push(incidentId);
    },
    on((id) =>
      commands.setStepStatus(id, random.pick(stepIds), random.pick(STEP_STATUSES), random.pick(['', 'omdat'])),
    ),
    on((id) => commands.addStepNote(id, random.pick(stepIds), text()).then(remember(id))),
    on((id) =>
      commands
        .addLogEntry(
          id,
          text(),
          random.next() < 0.5 ? undefined : new Date(now().getTime() - random.int(7_200_000)).toISOString(),
        )
        .then(remember(id)),
    ),
    on((id) =>
      commands
        .recordDecision(id, {
          instrumentId: random.pick([...kader.instruments.map((instrument) => instrument.id), 'onbekend']),
          outcome: random.pick(['genomen', 'niet-genomen'] as const),
          considerations: [{ considerationId: 'c', checked: random.next() < 0.5, note: text() }],
          motivation: text(),
          decidedAt: '2026-03-01T21:00:00.000Z',
        })
        .then(remember(id)),
    ),
    on((id) => {
      const known = entries.get(id) ?? [];
      if (!known.length) return Promise.resolve();
      const entryId = random.pick(known);
      return random.next() < 0.6
        ? commands.editEntry(id, entryId, random.next() < 0.5 ? { text: text() } : { decision: { motivation: text() } })
        : commands.withdrawEntry(id, entryId, 'fout');
    }),
    on((id) => commands.changePhase(id, random.pick(['dreiging', 'direct-na', 'nazorg'] as const))),
    on((id) => commands.closeIncident(id)),
    on((id) => commands.reopenIncident(id)),
    on((id) =>
      commands.updateDetails(
        id,
        random.pick([
          { municipality: 'Zeist' },
          { clear: ['address'] as const },
          { address: homeAt(random.pick(postcodes), '1').address! },
        ]),
      ),
    ),
  ];
  if (deletes) {
    actions.push(
      on(async (id) => {
        if (random.next() < 0.3) {
          await commands.deleteIncident(id);
          incidents.splice(incidents.indexOf(id), 1);
        }
      }),
    );
  }
  for (let i = 0; i < steps; i++) {
    if (random.next() < 0.1) await setActorName(random.pick(['Anna de Vries', 'Bram', 'C. Yilmaz']), db);
    try {
      await random.pick(actions)();
    } catch (error) {
      // Refusals are part of the game; nothing else is.
      if (!(error instanceof IncidentCommandError)) throw error;
    }
  }
  return random;
}
