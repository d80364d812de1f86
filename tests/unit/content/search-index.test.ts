import { describe, expect, it } from 'vitest';
import { buildKader } from '../../../scripts/content/build-kader.ts';
import type { Kader } from '../../../src/content/schema.ts';
import { createKaderSearch, normaliseTerm } from '../../../src/content/search-index.ts';
import { CONTENT_DIR } from './content-dir.ts';

function kaderWith(steps: { id: string; title: string; what: string }[]): Kader {
  const base = buildKader(CONTENT_DIR);
  return {
    ...base,
    phases: base.phases.map((p, i) =>
      i === 1
        ? {
            ...p,
            steps: steps.map((s) => ({
              ...s,
              why: 'Omdat het moet.',
              kind: 'praktisch' as const,
              actor: 'Gemeente',
              targets: ['woning' as const],
              instruments: [],
              considerations: [],
              partners: [],
              sources: ['x'],
              briefRows: [],
              checkedOn: '2026-11-24',
              review: 'concept' as const,
              phase: p.id,
            })),
          }
        : { ...p, steps: [] },
    ),
  };
}

const kader = kaderWith([
  { id: 'dreiging.bewoners-evacueren', title: 'Evacueer de buren', what: 'Laat omwonenden geëvacueerd worden.' },
  { id: 'dreiging.camera', title: 'Plaats camera’s', what: 'Cameratoezicht rond het adres.' },
  { id: 'dreiging.brief', title: 'Schrijf een brief', what: 'Informeer de buurt.' },
]);
const search = createKaderSearch(kader);
const stepIds = (q: string) =>
  search
    .search(q)
    .filter((h) => h.type === 'stap')
    .map((h) => h.refId);

describe('searching the framework', () => {
  it('ignores case', () => {
    expect(stepIds('EVACUEER')).toContain('dreiging.bewoners-evacueren');
  });

  it('ignores diacritics in query and text', () => {
    expect(normaliseTerm('Geëvacueerd')).toBe('geevacueerd');
    expect(stepIds('geevacueerd')).toContain('dreiging.bewoners-evacueren');
    expect(stepIds('geëvacueerd')).toContain('dreiging.bewoners-evacueren');
  });

  it('tolerates a small typo', () => {
    expect(stepIds('camare')).toContain('dreiging.camera');
    expect(stepIds('infomreer')).toContain('dreiging.brief');
  });

  it('finds words as they are being typed', () => {
    expect(stepIds('camerat')).toContain('dreiging.camera');
  });

  it('returns nothing for an empty query and for unrelated words', () => {
    expect(search.search('   ')).toEqual([]);
    expect(stepIds('xylofoon')).toEqual([]);
  });

  it('finds steps, instruments and partners in the real content', () => {
    const real = createKaderSearch(buildKader(CONTENT_DIR));
    const hits = real.search('sluiting woning');
    expect(hits.some((h) => h.type === 'stap')).toBe(true);
    expect(hits.some((h) => h.type === 'instrument' && h.title.toLowerCase().includes('sluiting'))).toBe(true);
    expect(real.search('slachtofferhulp').some((h) => h.type === 'partner')).toBe(true);
    expect(real.search('174a').some((h) => h.type === 'instrument')).toBe(true);
  });

  it('finds glossary terms, practice examples and rulings by ECLI', () => {
    const real = createKaderSearch(buildKader(CONTENT_DIR));
    expect(real.search('beperkte kennisneming')[0]).toMatchObject({ type: 'begrip', refId: 'beperkte-kennisneming' });
    expect(real.search('Bastenakenstraat').some((h) => h.type === 'instrument' && h.refId === 'gemw-151c')).toBe(true);
    expect(real.search('RBMNE 2022 1270').some((h) => h.refId === 'gemw-174a-a')).toBe(true);
  });
});
