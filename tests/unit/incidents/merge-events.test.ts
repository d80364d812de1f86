import { describe, expect, it } from 'vitest';
import { mergeEvents } from '../../../src/incidents/domain/merge-events.ts';
import type { IncidentEvent } from '../../../src/model/events.ts';

const created = (id: string, incidentId = 'I1', street = 'Dorpsstraat'): IncidentEvent => ({
  id,
  incidentId,
  at: '2026-03-01T22:00:00.000Z',
  actor: 'A',
  device: 'd1',
  type: 'incident.created',
  payload: {
    kind: 'explosie',
    target: 'woning',
    address: { street, houseNumber: '1', postcode: '1234AB', city: 'Utrecht' },
    municipality: 'Utrecht',
    occurredAt: '2026-03-01T21:50',
    phase: 'direct-na',
    contentVersion: 'v1',
  },
});
const log = (id: string, text: string, incidentId = 'I1'): IncidentEvent => ({
  id,
  incidentId,
  at: '2026-03-01T22:05:00.000Z',
  actor: 'A',
  device: 'd1',
  type: 'log.entry-added',
  payload: { text },
});

describe('the one merge of events', () => {
  it('is a union by id: what is known is not added again, and merging twice adds nothing', () => {
    const first = mergeEvents('I1', [created('E1')], [log('E2', 'a'), log('E2', 'a'), created('E1')]);
    expect(first).toMatchObject({ ok: true });
    if (!first.ok) return;
    expect(first.fresh.map((event) => event.id)).toEqual(['E2']);
    expect(first.events.map((event) => event.id)).toEqual(['E1', 'E2']);
    const again = mergeEvents('I1', first.events, [log('E2', 'a'), created('E1')]);
    expect(again.ok && again.fresh).toEqual([]);
    // Nothing fresh: the known array itself comes back, so a screen need not fold it again.
    expect(again.ok && again.events).toBe(first.events);
  });

  it('refuses an id it knows with other content, in the known log or earlier in the same batch', () => {
    expect(mergeEvents('I1', [created('E1'), log('E2', 'a')], [log('E2', 'b')])).toEqual({
      ok: false,
      refusal: { reason: 'conflicting-content', eventId: 'E2' },
    });
    expect(mergeEvents('I1', [created('E1')], [log('E2', 'a'), log('E2', 'b')])).toMatchObject({
      ok: false,
      refusal: { reason: 'conflicting-content' },
    });
  });

  it('refuses a second start of a known incident, even when the batch alone is a whole incident', () => {
    const refused = mergeEvents('I1', [created('E1')], [created('E9', 'I1', 'Kerkstraat'), log('E10', 'x')]);
    expect(refused).toEqual({ ok: false, refusal: { reason: 'second-creation', eventId: 'E9' } });
    expect(mergeEvents('I1', [], [created('E1'), created('E2')])).toMatchObject({
      ok: false,
      refusal: { reason: 'second-creation', eventId: 'E2' },
    });
  });

  it('refuses an event of another incident, and a log without a start', () => {
    expect(mergeEvents('I1', [created('E1')], [log('E2', 'a', 'I2')])).toEqual({
      ok: false,
      refusal: { reason: 'other-incident', eventId: 'E2' },
    });
    expect(mergeEvents('I1', [], [log('E2', 'a')])).toEqual({ ok: false, refusal: { reason: 'no-creation' } });
  });

  it('compares content whatever the order of keys', () => {
    const event = log('E2', 'a');
    const reordered = Object.fromEntries(Object.entries(event).reverse()) as unknown as IncidentEvent;
    expect(mergeEvents('I1', [created('E1'), event], [reordered])).toMatchObject({ ok: true, fresh: [] });
  });
});
