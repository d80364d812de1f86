import type { Kader } from '../../../src/content/schema.ts';
import type { AppDatabase } from '../../../src/db/database.ts';
import {
  saveLocalAnnotation,
  saveLocalContact,
  saveLocalStep,
  setLocalMunicipality,
  setNotApplicable,
} from '../../../src/local/store/commands.ts';

/** A layer with one of everything, written through the editor's commands. */
export async function seedLayer(db: AppDatabase, national: Kader, code = 'gm0599', name = 'Rotterdam') {
  const context = { national, db, actor: 'Anna' };
  const direct = national.phases.find((p) => p.id === 'direct-na')!.steps;
  await setLocalMunicipality(code, name, context);
  const { layer: a } = await saveLocalContact(
    {
      name: 'Woonstad, calamiteitenlijn',
      role: 'Woningcorporatie',
      phones: [{ label: 'Piket', number: '010 440 88 00' }],
      email: 'calamiteiten@woonstad.example',
      availability: '24/7 piket',
      visibility: 'openbaar',
    },
    context,
  );
  const { layer: b } = await saveLocalContact(
    {
      name: 'Jan de Vries',
      role: 'Wijkagent Zuid',
      phones: [{ label: 'Mobiel', number: '06 1234 5678' }],
      email: 'jan.devries@politie.example',
      visibility: 'openbaar',
      person: true,
    },
    context,
  );
  const { layer: c } = await saveLocalContact(
    {
      name: 'Kabinet burgemeester',
      role: 'Kabinet',
      phones: [{ label: 'Direct', number: '010 267 00 00' }],
      visibility: 'intern',
    },
    context,
  );
  const [org, person, internal] = [a.contacts[0]!, b.contacts[1]!, c.contacts[2]!];
  await saveLocalStep(
    {
      phase: 'direct-na',
      after: direct[0]!.id,
      title: 'Beheerders buurtapp informeren',
      what: 'Bel Jan de Vries op 06 1234 5678 en daarna de beheerders van de buurtapps.',
      why: 'Zij sturen geruchten bij.',
      kind: 'communicatie',
      actor: 'OOV-adviseur',
      targets: ['woning'],
      timeWindow: 'eerste-uur',
      partners: [],
      contacts: [org.id, person.id, internal.id],
      sources: [{ title: 'Convenant buurtapps', url: 'https://example.org/convenant' }],
    },
    context,
  );
  await saveLocalAnnotation(
    { targetId: direct[1]!.id, note: 'Eerst het kabinet bellen.', contacts: [internal.id] },
    context,
  );
  await setNotApplicable(direct[2]!.id, 'Regelen wij regionaal.', context);
  return { org, person, internal };
}
