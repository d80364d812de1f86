import { describe, expect, it } from 'vitest';
import { foldIncident } from '../../../src/incidents/domain/fold.ts';
import type { IncidentEvent } from '../../../src/model/events.ts';

const base = { incidentId: 'inc-1', actor: 'AB', device: 'dev-a' };
let n = 0;
function ev(at: string, rest: Partial<IncidentEvent> & Pick<IncidentEvent, 'type' | 'payload'>): IncidentEvent {
  n += 1;
  return { ...base, id: `01J${String(n).padStart(5, '0')}`, at, ...rest } as IncidentEvent;
}

const created = ev('2026-03-01T10:00:00.000Z', {
  type: 'incident.created',
  payload: {
    kind: 'explosie',
    target: 'woning',
    municipality: 'Utrecht',
    occurredAt: '2026-03-01T09:30:00.000Z',
    address: { street: 'Dorpsstraat', houseNumber: '1', postcode: '1234AB', city: 'Utrecht' },
    phase: 'direct-na',
    contentVersion: '2026.1',
  },
});

describe('foldIncident', () => {
  it('returns undefined without a creation event', () => {
    expect(foldIncident([])).toBeUndefined();
  });

  it('two devices setting the same step differently: the latest by (at, device, id) wins and both stay', () => {
    const fromA = ev('2026-03-01T10:05:00.000Z', {
      device: 'dev-a',
      type: 'step.status-set',
      payload: { stepId: 'direct-na.salvage-inschakelen', status: 'gedaan' },
    });
    const fromB = ev('2026-03-01T10:06:00.000Z', {
      device: 'dev-b',
      type: 'step.status-set',
      payload: { stepId: 'direct-na.salvage-inschakelen', status: 'nvt', reason: 'geen schade' },
    });
    for (const order of [
      [created, fromA, fromB],
      [fromB, created, fromA],
    ]) {
      const step = foldIncident(order)!.steps['direct-na.salvage-inschakelen']!;
      expect(step.status).toBe('nvt');
      expect(step.device).toBe('dev-b');
      expect(step.history.map((change) => change.eventId)).toEqual([fromA.id, fromB.id]);
    }
  });

  it('at the same moment the device id decides, whichever order the events arrive in', () => {
    const at = '2026-03-01T10:05:00.000Z';
    const fromB = ev(at, { device: 'dev-b', type: 'step.status-set', payload: { stepId: 's', status: 'gedaan' } });
    const fromA = ev(at, { device: 'dev-a', type: 'step.status-set', payload: { stepId: 's', status: 'later' } });
    expect(foldIncident([created, fromB, fromA])!.steps.s!.status).toBe('gedaan');
    expect(foldIncident([fromA, fromB, created])!.steps.s!.status).toBe('gedaan');
  });

  it('an edit keeps the original text as the first revision', () => {
    const note = ev('2026-03-01T10:01:00.000Z', { type: 'step.note-added', payload: { stepId: 's', text: 'eerste' } });
    const edit = ev('2026-03-01T10:02:00.000Z', {
      type: 'entry.edited',
      payload: { entryId: note.id, text: 'tweede' },
    });
    const state = foldIncident([created, note, edit])!;
    expect(state.notes[0]!.text).toBe('tweede');
    expect(state.notes[0]!.edited).toBe(true);
    expect(state.notes[0]!.revisions.map((r) => r.text)).toEqual(['eerste', 'tweede']);
  });

  it('a withdrawal marks the entry but keeps it and its text', () => {
    const log = ev('2026-03-01T10:01:00.000Z', {
      type: 'log.entry-added',
      payload: { text: 'Politie ter plaatse', happenedAt: '2026-03-01T09:45:00.000Z' },
    });
    const withdrawn = ev('2026-03-01T10:03:00.000Z', {
      type: 'entry.withdrawn',
      payload: { entryId: log.id, reason: 'verkeerd incident' },
    });
    const state = foldIncident([created, log, withdrawn])!;
    expect(state.log).toHaveLength(1);
    expect(state.log[0]!.text).toBe('Politie ter plaatse');
    expect(state.log[0]!.withdrawn).toMatchObject({ reason: 'verkeerd incident', eventId: withdrawn.id });
  });

  it('an edit that sorts before its entry (clock skew between phones) is still applied', () => {
    const note = ev('2026-03-01T10:05:00.000Z', {
      device: 'dev-b',
      type: 'step.note-added',
      payload: { stepId: 's', text: 'a' },
    });
    const edit = ev('2026-03-01T10:04:00.000Z', { type: 'entry.edited', payload: { entryId: note.id, text: 'b' } });
    expect(foldIncident([created, note, edit])!.notes[0]!.text).toBe('b');
  });

  it('edits to a decision change only the given fields', () => {
    const decision = ev('2026-03-01T10:01:00.000Z', {
      type: 'decision.recorded',
      payload: {
        instrumentId: 'sluiting-woning',
        outcome: 'genomen',
        considerations: [{ considerationId: 'c', checked: true, note: '' }],
        motivation: 'ernstige vrees',
        decidedAt: '2026-03-01T10:00:00.000Z',
      },
    });
    const edit = ev('2026-03-01T10:02:00.000Z', {
      type: 'entry.edited',
      payload: { entryId: decision.id, decision: { motivation: 'ernstige vrees voor herhaling' } },
    });
    const state = foldIncident([created, decision, edit])!;
    expect(state.decisions[0]).toMatchObject({
      instrumentId: 'sluiting-woning',
      motivation: 'ernstige vrees voor herhaling',
    });
    expect(state.decisions[0]!.revisions[0]!.motivation).toBe('ernstige vrees');
  });

  it('ignores unknown event types, malformed events and references to unknown entries', () => {
    const future = { ...base, id: 'x1', at: '2026-03-01T10:01:00.000Z', type: 'incident.teleported', payload: {} };
    const malformed = { ...base, id: 'x2', at: '2026-03-01T10:01:00.000Z', type: 'step.status-set', payload: null };
    const badStatus = ev('2026-03-01T10:01:00.000Z', {
      type: 'step.status-set',
      payload: { stepId: 's', status: 'misschien' as 'open' },
    });
    const orphanEdit = ev('2026-03-01T10:02:00.000Z', {
      type: 'entry.edited',
      payload: { entryId: 'nope', text: 'x' },
    });
    const state = foldIncident([created, future, malformed, badStatus, orphanEdit] as IncidentEvent[])!;
    expect(state.steps).toEqual({});
    expect(state.notes).toEqual([]);
  });

  it('applies detail changes and clears removed fields', () => {
    const change = ev('2026-03-01T10:01:00.000Z', {
      type: 'incident.details-changed',
      payload: { target: 'voertuig', locationDescription: 'parkeerplaats', clear: ['address'] },
    });
    const state = foldIncident([created, change])!;
    expect(state.details.target).toBe('voertuig');
    expect(state.details.address).toBeUndefined();
    expect(state.details.locationDescription).toBe('parkeerplaats');
  });

  it('closing and reopening sets the status; updatedAt is the latest event', () => {
    const close = ev('2026-03-02T10:00:00.000Z', { type: 'incident.closed', payload: {} });
    const closedState = foldIncident([created, close])!;
    expect(closedState).toMatchObject({ status: 'gesloten', closedAt: close.at, updatedAt: close.at });
    const reopen = ev('2026-03-03T10:00:00.000Z', { type: 'incident.reopened', payload: {} });
    const reopened = foldIncident([created, close, reopen])!;
    expect(reopened.status).toBe('open');
    expect(reopened.closedAt).toBeUndefined();
  });

  it('does not mutate the events it folds', () => {
    const events = [created];
    const copy = structuredClone(events);
    const state = foldIncident(events)!;
    state.details.address!.street = 'Anders';
    expect(events).toEqual(copy);
  });
});
