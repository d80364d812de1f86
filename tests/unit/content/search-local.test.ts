import { describe, expect, it } from 'vitest';
import { buildKader } from '../../../scripts/content/build-kader.ts';
import { createKaderSearch } from '../../../src/content/search-index.ts';
import { nationalTextHashes } from '../../../src/local/domain/national-text.ts';
import { overlayLocalLayer } from '../../../src/local/domain/overlay.ts';
import type { LocalContact, LocalLayer } from '../../../src/model/local-layer.ts';
import { CONTENT_DIR } from './content-dir.ts';

const national = buildKader(CONTENT_DIR);
const step = national.phases[1]!.steps[0]!;
const instrument = national.instruments[0]!;
const partner = national.partners[0]!;
const hash = nationalTextHashes(national);

const contact: LocalContact = {
  id: 'gm0599-contact-1',
  name: 'Woonstad calamiteitenlijn',
  role: 'Noodreparaties aan huurwoningen',
  partnerId: partner.id,
  phones: [{ label: 'Piketlijn', number: '010 123 45 67' }],
  availability: '24/7 piket',
  visibility: 'intern',
};
const layer: LocalLayer = {
  municipality: 'Rotterdam',
  municipalityCode: 'gm0599',
  revision: 3,
  contacts: [contact],
  steps: [
    {
      id: `${step.phase}.gm0599-buurtapp`,
      phase: step.phase,
      after: step.id,
      title: 'Informeer de beheerders van de buurtapp',
      what: 'Vraag de beheerders om geruchten te melden.',
      why: 'Zo hoort de gemeente vroeg wat er leeft.',
      kind: 'praktisch',
      actor: 'Wijkregisseur',
      targets: ['woning'],
      partners: [],
      contacts: [],
      sources: [],
    },
  ],
  annotations: [
    { targetId: step.id, note: 'Bel eerst de wijkregisseur van Feijenoord', contacts: [], nationalTextHash: 'oud' },
    {
      targetId: instrument.id,
      note: 'Onze burgemeester tekent binnen twee uur',
      contacts: [],
      nationalTextHash: hash(instrument.id)!,
    },
    { targetId: 'dreiging.vervallen-stap', note: 'Verweesde kwartiermaker', contacts: [], nationalTextHash: 'x' },
  ],
  notApplicable: [],
  origins: [],
};
const { kader, view } = overlayLocalLayer(national, layer);

describe('searching the local layer', () => {
  const search = createKaderSearch(kader, view);

  it('finds a local contact by name and by availability, leading to its partner', () => {
    expect(search.search('calamiteitenlijn').find((h) => h.type === 'contact')).toMatchObject({
      refId: contact.id,
      subtitle: partner.name,
    });
    expect(search.search('piket').some((h) => h.type === 'contact' && h.refId === contact.id)).toBe(true);
  });

  it('finds a note on a step (with its phase) and on an instrument', () => {
    expect(search.search('wijkregisseur feijenoord').find((h) => h.type === 'aanvulling')).toMatchObject({
      refId: step.id,
      phase: step.phase,
    });
    const onInstrument = search.search('burgemeester tekent').find((h) => h.type === 'aanvulling');
    expect(onInstrument).toMatchObject({ refId: instrument.id, title: instrument.name });
    expect(onInstrument?.phase).toBeUndefined();
  });

  it('finds a local step as a step of the overlaid framework', () => {
    expect(search.search('buurtapp beheerders').find((h) => h.type === 'stap')?.refId).toBe(
      `${step.phase}.gm0599-buurtapp`,
    );
  });

  it('leaves out an orphaned note: its target has no page to lead to', () => {
    expect(search.search('kwartiermaker').filter((h) => h.type === 'aanvulling')).toEqual([]);
  });

  it('without a local layer finds no local content', () => {
    const plain = createKaderSearch(national);
    expect(plain.search('calamiteitenlijn').filter((h) => h.type === 'contact')).toEqual([]);
    expect(plain.search('buurtapp beheerders').filter((h) => h.type === 'stap' && h.refId.includes('gm0599'))).toEqual(
      [],
    );
  });
});
