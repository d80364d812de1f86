import { describe, expect, it } from 'vitest';
import type { SyncState } from '../../../src/sync/domain/sync-state.ts';
import { incidentSyncLine, sentence, teamSyncLine } from '../../../src/sync/screens/sync-state-text.ts';
import { teamLayerLine } from '../../../src/sync/screens/team-layer-text.ts';

const NOW = new Date('2026-12-02T12:00:00.000Z');
const at = (phase: SyncState['phase'], extra: Partial<SyncState> = {}): SyncState => ({ phase, pending: 0, ...extra });

describe("a shared incident's line", () => {
  it('says everything was sent, or how many of its own changes are on their way', () => {
    expect(incidentSyncLine('Noord', at('connected'), 0, NOW)).toEqual({
      live: 'Gedeeld met team Noord · verbonden',
      detail: 'alles verstuurd',
      warn: false,
    });
    expect(incidentSyncLine('Noord', at('connected', { pending: 9 }), 3, NOW).detail).toBe('3 wijzigingen versturen…');
  });

  it('claims nothing about an incident the client has not counted yet (shared a moment ago)', () => {
    expect(incidentSyncLine('Noord', at('connected'), undefined, NOW)).toEqual({
      live: 'Gedeeld met team Noord · verbonden',
      warn: false,
    });
    expect(incidentSyncLine('Noord', at('offline'), undefined, NOW).detail).toBe(
      'wijzigingen blijven op dit apparaat bewaard',
    );
  });

  it('offline: no connection in the live part, this incident’s count (not the team-wide one) beside it', () => {
    const line = incidentSyncLine('Noord', at('offline', { pending: 1500 }), 1, NOW);
    expect(line.live).toBe('Gedeeld met team Noord · geen verbinding');
    expect(line.detail).toBe('1 wijziging wacht op verbinding, bewaard op dit apparaat');
    expect(line.warn).toBe(true);
    expect(incidentSyncLine('Noord', at('offline'), 1500, NOW).detail).toContain(
      '1.500 wijzigingen wachten op verbinding',
    );
    expect(incidentSyncLine('Noord', at('offline'), 0, NOW).detail).toBe('wijzigingen blijven op dit apparaat bewaard');
  });

  it('the live part does not change with the count: a tap or a recount is not announced', () => {
    for (const phase of ['connected', 'connecting', 'offline', 'catching-up'] as const) {
      expect(incidentSyncLine('N', at(phase), 0, NOW).live).toBe(incidentSyncLine('N', at(phase), 4, NOW).live);
      // Nor with the team-wide count.
      expect(incidentSyncLine('N', at(phase, { pending: 1 }), 4, NOW).live).toBe(
        incidentSyncLine('N', at(phase, { pending: 1500 }), 4, NOW).live,
      );
    }
  });

  it('a refusal, a revocation and catching up in the sync state’s own words, each a sentence', () => {
    const problem = 'Dit apparaat is niet (meer) bekend bij het team. Koppel het opnieuw met een nieuwe uitnodiging.';
    const refused = incidentSyncLine('Noord', at('refused', { problem }), 2, NOW);
    expect(refused.live).toBe(`Gedeeld met team Noord. ${problem}`);
    expect(refused.warn).toBe(true);
    expect(incidentSyncLine('Noord', at('revoked'), 0, NOW).live).toBe(
      'Gedeeld met team Noord. Dit apparaat is ingetrokken.',
    );
    const catching = incidentSyncLine('Noord', at('catching-up', { pending: 5 }), 2, NOW);
    expect(catching.live).toBe(
      'Gedeeld met team Noord. De teamserver is teruggezet of hersteld: alles wordt opnieuw opgehaald…',
    );
    expect(catching.detail).toBe('2 wijzigingen worden opnieuw verstuurd');
    expect(incidentSyncLine('Noord', at('catching-up', { pending: 5 }), 1, NOW).detail).toBe(
      '1 wijziging wordt opnieuw verstuurd',
    );
    expect(incidentSyncLine('Noord', at('catching-up'), 0, NOW).detail).toBeUndefined();
    expect(catching.warn).toBe(false);
  });

  it('ends a sentence once', () => {
    expect(sentence('Klaar')).toBe('Klaar.');
    expect(sentence('Klaar.')).toBe('Klaar.');
    expect(sentence('Bezig…')).toBe('Bezig…');
  });
});

describe("the team's local layer on the Lokaal pages", () => {
  const agreed = { serverRevision: 4, localRevision: 7, serverUpdatedAt: '2026-12-02T11:55:00.000Z' };

  it('a coordinator’s unsent edits: on their way, or waiting for a connection', () => {
    const input = { role: 'coordinator' as const, agreed, ownRevision: 8 };
    expect(teamLayerLine({ ...input, phase: 'connected' }, NOW).live).toMatch(/worden naar het team verstuurd/);
    const offline = teamLayerLine({ ...input, phase: 'offline' }, NOW);
    expect(offline.live).toMatch(/wachten op verbinding; ze blijven op dit apparaat bewaard/);
    expect(offline.warn).toBe(true);
  });

  it('agreed with the server: the team’s layer, as of the last connection when not connected', () => {
    const coordinator = teamLayerLine({ role: 'coordinator', agreed, ownRevision: 7, phase: 'connected' }, NOW);
    expect(coordinator).toEqual({
      live: 'dit apparaat heeft de lokale laag van het team.',
      detail: 'Gewijzigd 5 min geleden. Wat u hier wijzigt, gaat naar het hele team.',
      warn: false,
    });
    const adviser = teamLayerLine({ role: 'adviseur', agreed, ownRevision: 7, phase: 'offline' }, NOW);
    expect(adviser).toEqual({
      live: 'dit apparaat heeft de lokale laag van het team bij de laatste verbinding.',
      detail: 'Gewijzigd 5 min geleden.',
      warn: false,
    });
  });

  it('the live part does not change with the clock: a periodic run is not announced again', () => {
    for (const role of ['coordinator', 'adviseur'] as const) {
      const line = (now: Date) => teamLayerLine({ role, agreed, ownRevision: 7, phase: 'connected' }, now);
      const later = new Date(NOW.getTime() + 60 * 60_000);
      expect(line(NOW).live).toBe(line(later).live);
      expect(line(NOW).detail).not.toBe(line(later).detail);
    }
  });

  it('an adviser that kept its newer layer on a restored server does not claim to hold the team’s', () => {
    const kept = { ...agreed, serverRevision: 3, keptNewer: true as const };
    const line = teamLayerLine({ role: 'adviseur', agreed: kept, ownRevision: 7, phase: 'connected' }, NOW);
    expect(line.live).toBe(
      'de teamserver is teruggezet naar een eerdere stand; dit apparaat houdt de nieuwere lokale laag die het al had.',
    );
    expect(line.live).not.toMatch(/heeft de lokale laag van het team/);
  });

  it('no layer yet, and an adviser’s own layer that yields to the team’s', () => {
    expect(
      teamLayerLine({ role: 'adviseur', agreed: undefined, ownRevision: undefined, phase: 'connected' }, NOW).live,
    ).toBe('nog geen lokale laag van het team op dit apparaat.');
    expect(teamLayerLine({ role: 'adviseur', agreed, ownRevision: 9, phase: 'connected' }, NOW).live).toMatch(
      /niet die van het team/,
    );
  });
});

describe('the team line above the incident list', () => {
  it('keeps counts and the time since the last sync out of the live part', () => {
    const phases: SyncState['phase'][] = ['connected', 'connecting', 'offline', 'catching-up'];
    for (const phase of phases) {
      const quiet = teamSyncLine(at(phase, { lastSyncAt: '2026-12-02T11:58:00.000Z' }), NOW);
      const later = teamSyncLine(
        at(phase, { pending: phase === 'connected' ? 0 : 7, lastSyncAt: '2026-12-02T11:58:00.000Z' }),
        new Date('2026-12-02T12:31:00.000Z'),
      );
      expect(later.live).toBe(quiet.live);
    }
  });

  it('says in its detail what is waiting or when it last synced', () => {
    expect(teamSyncLine(at('connected', { lastSyncAt: '2026-12-02T11:58:00.000Z' }), NOW)).toEqual({
      live: 'Verbonden met het team.',
      detail: 'Gesynchroniseerd 2 min geleden.',
    });
    expect(teamSyncLine(at('connected', { pending: 2000 }), NOW).detail).toBe('2.000 wijzigingen versturen…');
    expect(teamSyncLine(at('offline', { pending: 3 }), NOW)).toEqual({
      live: 'Niet verbonden met het team.',
      detail: '3 wijzigingen wachten op verbinding.',
    });
    expect(teamSyncLine(at('catching-up', { pending: 2 }), NOW).detail).toBe(
      '2 wijzigingen van dit apparaat worden opnieuw verstuurd.',
    );
    expect(teamSyncLine(at('revoked'), NOW)).toEqual({ live: 'Dit apparaat is ingetrokken.' });
  });
});
