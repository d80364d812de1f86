import { describe, expect, it } from 'vitest';
import { buildKader } from '../../scripts/content/build-kader.ts';
import { compareContentVersions, stepsChangedSince } from '../../src/content/changelog.ts';
import { ecliUrl, lawLinkUrl } from '../../src/content/content-links.ts';
import { createTermMatcher, linkTerms } from '../../src/content/glossary.ts';
import type { GlossaryTerm, Kader } from '../../src/content/schema.ts';
import { formatLongDate, isStale } from '../../src/content/trust.ts';
import { CONTENT_DIR } from './content/content-dir.ts';

describe('links to the official sources', () => {
  it('opens the article as it read on the checked date, on wetten.overheid.nl', () => {
    expect(
      lawLinkUrl({ label: 'Gemeentewet, artikel 174a', bwb: 'BWBR0005416', article: '174a', validOn: '2026-12-02' }),
    ).toBe('https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=174a&z=2026-12-02&g=2026-12-02');
    expect(lawLinkUrl({ label: 'Wet Bibob', bwb: 'BWBR0013798', validOn: '2026-12-02' })).toBe(
      'https://wetten.overheid.nl/jci1.3:c:BWBR0013798&z=2026-12-02&g=2026-12-02',
    );
  });

  it('opens a ruling on rechtspraak.nl by its ECLI', () => {
    expect(ecliUrl('ECLI:NL:RVS:2017:923')).toBe(
      'https://uitspraken.rechtspraak.nl/details?id=ECLI%3ANL%3ARVS%3A2017%3A923',
    );
  });

  it('gives every instrument a law link and every ruling an ECLI in the real content', () => {
    const kader = buildKader(CONTENT_DIR);
    for (const ins of kader.instruments) {
      expect(ins.lawLinks.length, ins.id).toBeGreaterThan(0);
      for (const link of ins.lawLinks) expect(lawLinkUrl(link)).toMatch(/^https:\/\/wetten\.overheid\.nl\//);
      for (const ruling of ins.caseLaw) expect(ruling.ecli).toMatch(/^ECLI:/);
    }
  });
});

describe('content not checked for 12 months', () => {
  it('is flagged from the same day a year later', () => {
    expect(isStale('2025-12-02', '2026-12-02')).toBe(true);
    expect(isStale('2025-12-03', '2026-12-02')).toBe(false);
    expect(isStale('2026-11-24', '2026-12-02')).toBe(false);
    expect(isStale('2019-01-01', '2026-12-02')).toBe(true);
  });

  it('handles 29 February', () => {
    expect(isStale('2027-02-28', '2028-02-29')).toBe(true);
    expect(isStale('2027-03-01', '2028-02-29')).toBe(false);
  });

  it('writes dates out in Dutch', () => {
    expect(formatLongDate('2026-11-24')).toBe('24 november 2026');
    expect(formatLongDate('onbekend')).toBe('onbekend');
  });
});

describe('content versions and the changelog', () => {
  it('compares versions as numbers', () => {
    expect(compareContentVersions('2026.10', '2026.9')).toBeGreaterThan(0);
    expect(compareContentVersions('2026.2', '2026.2.0')).toBe(0);
    expect(compareContentVersions('2025.3', '2026.1')).toBeLessThan(0);
  });

  const base = buildKader(CONTENT_DIR);
  const [phase] = base.phases;
  const [a, b, c] = phase?.steps ?? [];
  if (!phase || !a || !b || !c) throw new Error('the real content has no three steps in its first phase');
  const instrumentId = base.instruments[0]?.id ?? '';
  const kader: Kader = {
    ...base,
    phases: [{ ...phase, steps: [a, { ...b, instruments: [instrumentId] }, { ...c, instruments: [] }] }],
    changelog: [
      {
        version: '2026.3',
        date: '2026-12-20',
        summary: 'Correctie',
        changes: [{ what: 'Grond gecorrigeerd', why: 'Uitspraak', steps: [], instruments: [instrumentId] }],
      },
      {
        version: '2026.2',
        date: '2026-12-02',
        summary: 'Taal',
        changes: [{ what: 'u in plaats van je', why: 'Eén aanspreekvorm', steps: [a.id], instruments: [] }],
      },
      {
        version: '2026.1',
        date: '2026-11-24',
        summary: 'Eerste',
        changes: [{ what: 'x', why: 'y', steps: [c.id], instruments: [] }],
      },
    ],
  };

  it('lists the steps changed after an older version, also through a changed instrument', () => {
    expect(stepsChangedSince(kader, '2026.1')).toEqual([a.id, b.id]);
    expect(stepsChangedSince(kader, '2026.2')).toEqual([b.id]);
  });

  it('lists nothing for the current version or a newer one', () => {
    expect(stepsChangedSince(kader, '2026.3')).toEqual([]);
    expect(stepsChangedSince(kader, '2027.1')).toEqual([]);
  });

  it('publishes the changelog and the glossary in kader.json', () => {
    expect(base.changelog[0]?.version).toBe(base.version);
    expect(base.glossary.length).toBeGreaterThanOrEqual(20);
  });
});

describe('glossary terms in running text', () => {
  const term = (id: string, name: string, aliases: string[] = []): GlossaryTerm => ({
    id,
    term: name,
    aliases,
    definition: 'Uitleg.',
    sources: [],
  });
  const matcher = createTermMatcher([
    term('b-grond', 'b-grond'),
    term('noodbevel', 'noodbevel', ['noodbevelen']),
    term('bestuursdwang', 'last onder bestuursdwang', ['bestuursdwang']),
    term('spoed', 'spoedeisende bestuursdwang'),
  ]);
  const ids = (text: string, seen = new Set<string>()) =>
    linkTerms(text, matcher, seen).flatMap((p) => (typeof p === 'string' ? [] : [`${p.term.id}:${p.text}`]));

  it('links the first occurrence only, case-insensitively, keeping the text as written', () => {
    expect(ids('De B-grond is nieuw. De b-grond geldt sinds 2024.')).toEqual(['b-grond:B-grond']);
  });

  it('shares what is linked across the texts of one section', () => {
    const seen = new Set<string>();
    expect(ids('Een noodbevel.', seen)).toEqual(['noodbevel:noodbevel']);
    expect(ids('Twee noodbevelen.', seen)).toEqual([]);
  });

  it('matches aliases and prefers the longest term', () => {
    expect(ids('Bij spoedeisende bestuursdwang en later bestuursdwang.')).toEqual([
      'spoed:spoedeisende bestuursdwang',
      'bestuursdwang:bestuursdwang',
    ]);
  });

  it('does not link part of a word', () => {
    expect(ids('Noodbevelsituatie en een bestuursdwangbevel.')).toEqual([]);
  });

  it('keeps the text intact', () => {
    const text = 'Een noodbevel, daarna de b-grond.';
    expect(
      linkTerms(text, matcher, new Set())
        .map((p) => (typeof p === 'string' ? p : p.text))
        .join(''),
    ).toBe(text);
  });
});
