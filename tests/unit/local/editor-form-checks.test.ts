import { describe, expect, it } from 'vitest';
import { type ContactDraft, checkContact } from '../../../src/local/screens/contact-form.tsx';
import { checkStep, type StepDraft } from '../../../src/local/screens/step-form.tsx';

const contact: ContactDraft = {
  name: 'Woonstad, calamiteitenlijn',
  role: '',
  phones: [{ label: 'Piketlijn', number: '+31 (0)10 123-45 67' }],
  email: 'piket@woonstad.nl',
  visibility: 'intern',
};

const step: StepDraft = {
  phase: 'direct-na',
  title: 'Informeer de buurtapp',
  what: 'Vraag om geruchten.',
  why: 'Vroeg horen wat leeft.',
  kind: 'praktisch',
  actor: 'Wijkregisseur',
  targets: ['woning'],
  partners: [],
  contacts: [],
  sources: [{ title: 'Convenant', url: 'https://example.org/convenant' }],
};

describe("the editor's form checks", () => {
  it('accept a complete contact and a complete step', () => {
    expect(checkContact(contact)).toEqual({});
    expect(checkStep(step)).toEqual({});
  });

  it('report every problem of a contact at once, each on its own field', () => {
    const errors = checkContact({
      ...contact,
      name: '  ',
      phones: [
        { label: 'Piket', number: 'bel de piket' },
        { label: 'Mobiel', number: '' },
        { label: '', number: '06-12' },
        { label: '', number: '' },
      ],
      email: 'geen-adres',
    });
    expect(Object.keys(errors).sort()).toEqual(['email', 'name', 'phone-0', 'phone-1']);
    expect(errors['phone-0']).toMatch(/cijfers/);
    expect(errors['phone-1']).toMatch(/Vul het nummer in/);
  });

  it('report every problem of a step at once', () => {
    const errors = checkStep({
      ...step,
      title: '',
      what: '',
      why: ' ',
      actor: '',
      targets: [],
      sources: [{ title: 'x', url: 'javascript:alert(1)' }],
    });
    expect(Object.keys(errors).sort()).toEqual(['actor', 'source-0', 'targets', 'title', 'what', 'why']);
  });
});
