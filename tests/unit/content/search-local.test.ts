import { describe, expect, it } from 'vitest';
import { buildKader } from '../../../scripts/content/build-kader.ts';
import { createKaderSearch } from '../../../src/content/search-index.ts';
import type { AnnotationView, LocalContact, LocalOverlayView } from '../../../src/model/local-layer.ts';
import { CONTENT_DIR } from './content-dir.ts';

const kader = buildKader(CONTENT_DIR);
const step = kader.phases[1]!.steps[0]!;
const instrument = kader.instruments[0]!;
const partner = kader.partners[0]!;

const contact: LocalContact = {
  id: 'gm0363-contact-1',
  name: 'Woonstad calamiteitenlijn',
  role: 'Noodreparaties aan huurwoningen',
  partnerId: partner.id,
  phones: [{ label: 'Piketlijn', number: '010 123 45 67' }],
  availability: '24/7 piket',
  visibility: 'intern',
};
const note = (targetId: string, text: string, state: AnnotationView['state']): [string, AnnotationView] => [
  targetId,
  { annotation: { targetId, note: text, contacts: [], nationalTextHash: 'x' }, contacts: [], state },
];
const local: LocalOverlayView = {
  municipality: 'Rotterdam',
  municipalityCode: 'gm0599',
  revision: 3,
  contactsByPartner: new Map([[partner.id, [contact]]]),
  contacts: new Map([[contact.id, contact]]),
  annotations: new Map([
    note(step.id, 'Bel eerst de wijkregisseur van Feijenoord', 'gewijzigd'),
    note(instrument.id, 'Onze burgemeester tekent binnen twee uur', 'actueel'),
    note('dreiging.vervallen-stap', 'Verweesde kwartiermaker', 'verweesd'),
  ]),
  notApplicable: new Map(),
  localStepIds: new Set(),
  orphans: [],
};

describe('searching the local layer', () => {
  const search = createKaderSearch(kader, local);

  it('finds a local contact by name and by availability, leading to its partner', () => {
    expect(search.search('calamiteitenlijn').find((h) => h.type === 'contact')).toMatchObject({
      refId: contact.id,
      subtitle: partner.name,
    });
    expect(search.search('piket').some((h) => h.type === 'contact' && h.refId === contact.id)).toBe(true);
  });

  it('finds a note on a step (with its phase) and on an instrument', () => {
    expect(search.search('wijkregisseur').find((h) => h.type === 'aanvulling')).toMatchObject({
      refId: step.id,
      phase: step.phase,
    });
    const onInstrument = search.search('burgemeester tekent').find((h) => h.type === 'aanvulling');
    expect(onInstrument).toMatchObject({ refId: instrument.id, title: instrument.name });
    expect(onInstrument?.phase).toBeUndefined();
  });

  it('leaves out an orphaned note: its target has no page to lead to', () => {
    expect(search.search('kwartiermaker').filter((h) => h.type === 'aanvulling')).toEqual([]);
  });

  it('without a local layer finds no local content', () => {
    expect(
      createKaderSearch(kader)
        .search('calamiteitenlijn')
        .filter((h) => h.type === 'contact'),
    ).toEqual([]);
  });
});
