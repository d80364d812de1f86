import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../src/model/events.ts';
import { backoffDelay, retryDelay } from '../../../src/sync/domain/backoff.ts';
import { cursorAfter, INITIAL_CURSOR, isCursor } from '../../../src/sync/domain/cursor.ts';
import { batchesOf, foreignUnacked, pendingEvents, shareRefusal } from '../../../src/sync/domain/outbox.ts';
import { inviteCodeOf, isRetryable } from '../../../src/sync/domain/protocol.ts';
import { ago, catchingUpDetail, syncStateText } from '../../../src/sync/screens/sync-state-text.ts';

const ME = 'DEVICE-A';
const event = (id: string, at: string, device = ME, type: IncidentEvent['type'] = 'log.entry-added') =>
  ({ id, incidentId: 'I1', at, actor: 'A', device, type, payload: { text: id } }) as unknown as IncidentEvent;

const log = [
  event('E3', '2026-12-01T10:02:00.000Z'),
  event('E1', '2026-12-01T10:00:00.000Z', ME, 'incident.created'),
  event('X1', '2026-12-01T10:01:00.000Z', 'DEVICE-B'),
  event('E2', '2026-12-01T10:01:00.000Z'),
];

describe('the derived outbox', () => {
  it('holds own events the server has not acknowledged, start first, in the order of the log', () => {
    expect(pendingEvents(log, new Set(), ME).map((e) => e.id)).toEqual(['E1', 'E2', 'E3']);
    expect(pendingEvents(log, new Set(['E1', 'E3']), ME).map((e) => e.id)).toEqual(['E2']);
    expect(pendingEvents(log, new Set(['E1', 'E2', 'E3']), ME)).toEqual([]);
  });

  it('never holds another device’s events (the server refuses them), but counts those not from the team', () => {
    expect(pendingEvents(log, new Set(), ME).some((e) => e.device !== ME)).toBe(false);
    expect(foreignUnacked(log, new Set(), ME)).toBe(1);
    expect(foreignUnacked(log, new Set(['X1']), ME)).toBe(0);
  });

  it('splits into batches of at most 1,000 without losing or reordering any', () => {
    const many = Array.from({ length: 2_345 }, (_, i) => i);
    const batches = batchesOf(many);
    expect(batches.map((b) => b.length)).toEqual([1_000, 1_000, 345]);
    expect(batches.flat()).toEqual(many);
    expect(batchesOf([])).toEqual([]);
  });

  it('refuses to share an incident started on another device or without its start', () => {
    expect(shareRefusal(log, ME)).toBeUndefined();
    expect(shareRefusal(log, 'DEVICE-B')).toBe('started-elsewhere');
    expect(shareRefusal([log[0]!], ME)).toBe('no-start');
  });
});

describe('the cursor', () => {
  it('accepts decimal strings only, and stores what the server sent', () => {
    expect(isCursor(INITIAL_CURSOR)).toBe(true);
    expect(isCursor('42')).toBe(true);
    for (const bad of ['', '01', '-1', '1.5', 'abc', 42, null, '1'.repeat(21)]) expect(isCursor(bad)).toBe(false);
    expect(cursorAfter('42')).toBe('42');
    expect(() => cursorAfter('x')).toThrow(/Malformed cursor/);
    expect(() => cursorAfter(undefined)).toThrow();
  });
});

describe('backoff', () => {
  it('grows from 1 s to 60 s and stays there, with at most 20 % jitter', () => {
    const none = () => 0;
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((n) => backoffDelay(n, none))).toEqual([
      0, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 60_000,
    ]);
    expect(backoffDelay(1, () => 1)).toBe(800);
    expect(backoffDelay(6, () => 0.5)).toBe(54_000);
  });

  it('waits at least as long as the server’s Retry-After, capped at an hour', () => {
    expect(retryDelay(1, 30, () => 0)).toBe(30_000);
    expect(retryDelay(6, 5, () => 0)).toBe(60_000);
    expect(retryDelay(1, 999_999, () => 0)).toBe(3_600_000);
    expect(retryDelay(2, undefined, () => 0)).toBe(2_000);
  });

  it('retries on 429 and 5xx, never on a 4xx that says retrying cannot help', () => {
    expect([429, 500, 503].every(isRetryable)).toBe(true);
    expect([400, 401, 403, 409, 410, 413].some(isRetryable)).toBe(false);
  });
});

describe('the sync state in Dutch', () => {
  const now = new Date('2026-12-02T10:00:00.000Z');
  it('says when it last synchronised', () => {
    expect(syncStateText({ phase: 'connected', pending: 0, lastSyncAt: '2026-12-02T09:58:00.000Z' }, now)).toBe(
      'Gesynchroniseerd 2 min geleden',
    );
    expect(ago('2026-12-02T09:59:40.000Z', now)).toBe('zojuist');
    expect(ago('2026-12-02T07:00:00.000Z', now)).toBe('3 uur geleden');
    expect(ago('2026-11-30T10:00:00.000Z', now)).toBe('2 dagen geleden');
  });

  it('counts the changes waiting for a connection, in the singular for one', () => {
    expect(syncStateText({ phase: 'offline', pending: 3 }, now)).toBe('3 wijzigingen wachten op verbinding');
    expect(syncStateText({ phase: 'offline', pending: 1 }, now)).toBe('1 wijziging wacht op verbinding');
    expect(syncStateText({ phase: 'offline', pending: 0 }, now)).toBe('Niet verbonden met het team');
  });

  it('writes large counts the Dutch way, with a point between thousands', () => {
    expect(syncStateText({ phase: 'offline', pending: 1500 }, now)).toBe('1.500 wijzigingen wachten op verbinding');
    expect(syncStateText({ phase: 'connecting', pending: 12_345 }, now)).toBe(
      '12.345 wijzigingen wachten op verbinding',
    );
    expect(syncStateText({ phase: 'connected', pending: 2000 }, now)).toBe('2.000 wijzigingen versturen…');
  });

  it('says it is catching up after the server could not vouch for its cursor', () => {
    expect(syncStateText({ phase: 'catching-up', pending: 0 }, now)).toBe(
      'De teamserver is teruggezet of hersteld: alles wordt opnieuw opgehaald…',
    );
    // The count beside the live sentence, not in it: a recount is not announced.
    expect(syncStateText({ phase: 'catching-up', pending: 1200 }, now)).toBe(
      syncStateText({ phase: 'catching-up', pending: 0 }, now),
    );
    expect(catchingUpDetail({ phase: 'catching-up', pending: 0 })).toBeUndefined();
    expect(catchingUpDetail({ phase: 'catching-up', pending: 1 })).toBe(
      '1 wijziging van dit apparaat wordt opnieuw verstuurd.',
    );
    expect(catchingUpDetail({ phase: 'catching-up', pending: 1200 })).toBe(
      '1.200 wijzigingen van dit apparaat worden opnieuw verstuurd.',
    );
    expect(catchingUpDetail({ phase: 'connected', pending: 3 })).toBeUndefined();
  });

  it('names a revoked device and a locked app', () => {
    expect(syncStateText({ phase: 'revoked', pending: 0 }, now)).toBe('Dit apparaat is ingetrokken');
    expect(syncStateText({ phase: 'locked', pending: 2 }, now)).toMatch(/vergrendeld/);
  });
});

describe('an invite link', () => {
  const code = 'a'.repeat(43);
  it('gives its code from the fragment only when it could be one', () => {
    expect(inviteCodeOf(`#code=${code}`)).toBe(code);
    expect(inviteCodeOf('#code=short')).toBeUndefined();
    expect(inviteCodeOf('')).toBeUndefined();
  });
});
