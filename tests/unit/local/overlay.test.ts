import { describe, expect, it } from 'vitest';
import { nationalTextHashes } from '../../../src/local/domain/national-text.ts';
import { overlaidIndex, overlayLocalLayer } from '../../../src/local/domain/overlay.ts';
import {
  annotation,
  contact,
  emptyLayer,
  kaderOf,
  localStep,
  nationalInstrument,
  nationalPartner,
  nationalStep,
} from './local-fixtures.ts';

const national = kaderOf(
  {
    'direct-na': [nationalStep('direct-na', 'a'), nationalStep('direct-na', 'b'), nationalStep('direct-na', 'c')],
    nazorg: [nationalStep('nazorg', 'z')],
  },
  [nationalInstrument('sluiting')],
  [nationalPartner('politie')],
);
const ids = (kader: typeof national, phase = 2) => kader.phases[phase]!.steps.map((s) => s.id);

describe('overlayLocalLayer', () => {
  it('returns the national framework itself for an empty layer', () => {
    const { kader, view } = overlayLocalLayer(national, emptyLayer());
    expect(kader).toBe(national);
    expect(view.localStepIds.size).toBe(0);
  });

  it('inserts local steps after their step, first without one, and keeps chains in order', () => {
    const layer = {
      ...emptyLayer(),
      steps: [
        localStep('direct-na', 'na-a', 'direct-na.a'),
        localStep('direct-na', 'eerst'),
        localStep('direct-na', 'na-na-a', 'direct-na.gm0363-na-a'),
        localStep('direct-na', 'na-c', 'direct-na.c'),
      ],
    };
    const { kader, view } = overlayLocalLayer(national, layer);
    expect(ids(kader)).toEqual([
      'direct-na.gm0363-eerst',
      'direct-na.a',
      'direct-na.gm0363-na-a',
      'direct-na.gm0363-na-na-a',
      'direct-na.b',
      'direct-na.c',
      'direct-na.gm0363-na-c',
    ]);
    expect([...view.localStepIds].sort()).toEqual(layer.steps.map((s) => s.id).sort());
    expect(view.displaced.size).toBe(0);
    // The national phase is untouched; the overlaid one is a copy.
    expect(ids(national)).toEqual(['direct-na.a', 'direct-na.b', 'direct-na.c']);
  });

  it('puts a step whose "after" step is gone at the end of its phase and flags it', () => {
    const layer = {
      ...emptyLayer(),
      steps: [
        localStep('direct-na', 'wees', 'direct-na.vervallen'),
        localStep('direct-na', 'volgt-wees', 'direct-na.gm0363-wees'),
        localStep('direct-na', 'andere-fase', 'nazorg.z'),
      ],
    };
    const { kader, view } = overlayLocalLayer(national, layer);
    expect(ids(kader)).toEqual([
      'direct-na.a',
      'direct-na.b',
      'direct-na.c',
      'direct-na.gm0363-wees',
      'direct-na.gm0363-volgt-wees',
      'direct-na.gm0363-andere-fase',
    ]);
    expect(Object.fromEntries(view.displaced)).toEqual({
      'direct-na.gm0363-wees': 'direct-na.vervallen',
      'direct-na.gm0363-andere-fase': 'nazorg.z',
    });
  });

  it('keeps a loop of local steps following each other, flagged', () => {
    const layer = {
      ...emptyLayer(),
      steps: [localStep('nazorg', 'x', 'nazorg.gm0363-y'), localStep('nazorg', 'y', 'nazorg.gm0363-x')],
    };
    const { kader, view } = overlayLocalLayer(national, layer);
    expect(ids(kader, 3)).toEqual(['nazorg.z', 'nazorg.gm0363-x', 'nazorg.gm0363-y']);
    expect([...view.displaced.keys()]).toEqual(['nazorg.gm0363-x']);
  });

  it('gives a local step the shape of a national one, with its sources as framework sources', () => {
    const step = {
      ...localStep('nazorg', 'buurtapp', 'nazorg.z'),
      partners: ['politie', 'bestaat-niet'],
      sources: [{ title: 'Convenant buurtapp', url: 'https://example.org/c' }, { title: 'Afspraak' }],
      changedAt: '2026-12-01T10:00:00.000Z',
    };
    const index = overlaidIndex(national, { ...emptyLayer(), steps: [step] });
    const inserted = index.step.get(step.id)!;
    expect(inserted.partners).toEqual(['politie']);
    expect(inserted.checkedOn).toBe('2026-12-01');
    expect(inserted.sources.map((id) => index.source.get(id)?.title)).toEqual(['Convenant buurtapp', 'Afspraak']);
    expect(index.local?.localSteps.get(step.id)).toBe(step);
  });

  it('never lets a local step replace a national one with the same id', () => {
    const forged = { ...localStep('direct-na', 'x'), id: 'direct-na.a', title: 'Vervalst' };
    const { kader } = overlayLocalLayer(national, { ...emptyLayer(), steps: [forged] });
    expect(kader.phases[2]!.steps.filter((s) => s.id === 'direct-na.a').map((s) => s.title)).toEqual(['Titel a']);
  });

  it("marks annotations actueel, gewijzigd or verweesd against today's national text", () => {
    const hashes = nationalTextHashes(national);
    const layer = {
      ...emptyLayer(),
      contacts: [contact('gm0363-c1', 'politie'), contact('gm0363-c2', 'opgeheven-partner')],
      annotations: [
        { ...annotation('direct-na.a', hashes('direct-na.a')!), contacts: ['gm0363-c1', 'gm0363-weg'] },
        annotation('sluiting', hashes('sluiting')!),
        annotation('direct-na.b', hashes('direct-na.b')!),
        annotation('direct-na.vervallen', 't1:oud'),
      ],
      notApplicable: [
        { stepId: 'direct-na.c', reason: 'Geen buurtapp hier' },
        { stepId: 'nazorg.vervallen', reason: 'Oud' },
      ],
    };
    const updated = kaderOf(
      {
        'direct-na': [
          nationalStep('direct-na', 'a'),
          { ...nationalStep('direct-na', 'b'), what: 'Nieuwe tekst' },
          nationalStep('direct-na', 'c'),
        ],
      },
      [nationalInstrument('sluiting')],
      [nationalPartner('politie')],
    );
    const { view } = overlayLocalLayer(updated, layer);
    const state = (id: string) => view.annotations.get(id)?.state;
    expect(state('direct-na.a')).toBe('actueel');
    expect(state('sluiting')).toBe('actueel');
    expect(state('direct-na.b')).toBe('gewijzigd');
    expect(state('direct-na.vervallen')).toBe('verweesd');
    expect(view.orphans.map((o) => o.annotation.note)).toEqual(['Noot bij direct-na.vervallen']);
    expect(view.annotations.get('direct-na.a')?.contacts.map((c) => c.id)).toEqual(['gm0363-c1']);
    expect(view.contactsByPartner.get('politie')?.map((c) => c.id)).toEqual(['gm0363-c1']);
    expect(view.orphanContacts.map((c) => c.id)).toEqual(['gm0363-c2']);
    expect(view.notApplicable.get('direct-na.c')).toBe('Geen buurtapp hier');
    expect(view.orphanMarks.map((m) => m.stepId)).toEqual(['nazorg.vervallen']);
  });

  it('hashes only the text a note is written against, ignoring re-wrapped whitespace', () => {
    const base = nationalTextHashes(national)('direct-na.a');
    const rewrapped = kaderOf({ 'direct-na': [{ ...nationalStep('direct-na', 'a'), what: ' Wat\n  a ' }] });
    const newSource = kaderOf({ 'direct-na': [{ ...nationalStep('direct-na', 'a'), sources: ['bron', 'nog-een'] }] });
    const newTitle = kaderOf({ 'direct-na': [{ ...nationalStep('direct-na', 'a'), title: 'Andere titel' }] });
    expect(nationalTextHashes(rewrapped)('direct-na.a')).toBe(base);
    expect(nationalTextHashes(newSource)('direct-na.a')).toBe(base);
    expect(nationalTextHashes(newTitle)('direct-na.a')).not.toBe(base);
    const instrument = nationalTextHashes(national)('sluiting');
    const stricter = kaderOf({}, [
      { ...nationalInstrument('sluiting'), conditions: ['Voorwaarde sluiting', 'Nog een'] },
    ]);
    expect(nationalTextHashes(stricter)('sluiting')).not.toBe(instrument);
  });
});
