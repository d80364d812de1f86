import type { Kader } from '../../src/content/schema.ts';
import { foldIncident } from '../../src/incidents/domain/fold.ts';
import { projectIncident } from '../../src/incidents/domain/projection.ts';
import { PROJECTION_RULES_VERSION } from '../../src/incidents/store/refresh-projections.ts';
import { INCIDENT_KINDS, type IncidentEvent, STEP_STATUSES } from '../../src/model/events.ts';

/** Deterministic pseudo-random numbers, so every bench run stores the same data. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `incidents` incidents of `eventsEach` events (creation, step changes, notes, log entries). */
export function seedIncidents(kader: Kader, incidents: number, eventsEach: number) {
  const random = prng(42);
  const steps = kader.phases.flatMap((p) => p.steps).filter((s) => s.targets.includes('woning'));
  const start = Date.UTC(2025, 0, 1);
  const logs: { incidentId: string; events: IncidentEvent[] }[] = [];
  const rows = [];
  for (let i = 0; i < incidents; i++) {
    const incidentId = `01BENCH${pad(i, 6)}00000000000`.slice(0, 26);
    const t0 = start + i * 3_600_000;
    const own: IncidentEvent[] = [];
    const base = (n: number) => ({
      id: `${incidentId.slice(0, 16)}${pad(n, 10)}`,
      incidentId,
      at: new Date(t0 + n * 60_000).toISOString(),
      actor: `Adviseur ${i % 7}`,
      device: `device-${i % 3}`,
    });
    own.push({
      ...base(0),
      type: 'incident.created',
      payload: {
        kind: INCIDENT_KINDS[i % INCIDENT_KINDS.length]!,
        target: 'woning',
        address: {
          street: `Straat ${i}`,
          houseNumber: String(1 + (i % 200)),
          postcode: `${1000 + (i % 8999)} AB`,
          city: 'Teststad',
        },
        municipality: `Gemeente ${i % 40}`,
        occurredAt: new Date(t0).toISOString(),
        phase: 'direct-na',
        contentVersion: kader.version,
      },
    });
    for (let n = 1; n < eventsEach; n++) {
      const step = steps[Math.floor(random() * steps.length)]!;
      const r = random();
      if (r < 0.7) {
        own.push({
          ...base(n),
          type: 'step.status-set',
          payload: { stepId: step.id, status: STEP_STATUSES[1 + Math.floor(random() * 3)]! },
        });
      } else if (r < 0.85) {
        own.push({
          ...base(n),
          type: 'step.note-added',
          payload: { stepId: step.id, text: `Notitie ${n} bij ${step.id}` },
        });
      } else {
        own.push({
          ...base(n),
          type: 'log.entry-added',
          payload: { text: `Logregel ${n}: politie en brandweer ter plaatse.` },
        });
      }
    }
    logs.push({ incidentId, events: own });
    rows.push(projectIncident(foldIncident(own)!, kader));
  }
  // As the app leaves it: every row projected with this content, so it does not project them all again.
  const settings = [{ key: 'projectedWith', value: `${kader.version}|${PROJECTION_RULES_VERSION}` }];
  return { logs, rows, settings };
}
