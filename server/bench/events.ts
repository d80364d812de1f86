import { monotonicFactory } from 'ulid';

const ulid = monotonicFactory();

/** A valid incident log of `count` events by one device, with texts of a realistic size. */
export function benchIncident(device: string, count: number) {
  const incidentId = ulid();
  const base = Date.UTC(2026, 11, 1, 9);
  const at = (i: number) => new Date(base + i * 1000).toISOString();
  const events: Record<string, unknown>[] = [
    {
      id: ulid(),
      incidentId,
      at: at(0),
      actor: 'A. Adviseur',
      device,
      type: 'incident.created',
      payload: {
        kind: 'explosie',
        target: 'woning',
        municipality: 'Utrecht',
        occurredAt: '2026-12-01T08:30:00.000Z',
        phase: 'direct-na',
        contentVersion: '2026.1',
      },
    },
  ];
  for (let i = 1; i < count; i++) {
    events.push({
      id: ulid(),
      incidentId,
      at: at(i),
      actor: 'A. Adviseur',
      device,
      type: i % 3 ? 'step.status-set' : 'log.entry-added',
      payload:
        i % 3
          ? { stepId: `direct-na.stap-${i % 40}`, status: i % 2 ? 'gedaan' : 'later' }
          : { text: `Buurtbewoners geïnformeerd over de afzetting, ronde ${i}; politie ter plaatse.` },
    });
  }
  return { incidentId, events };
}
