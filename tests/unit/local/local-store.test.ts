import { afterEach, describe, expect, it } from 'vitest';
import { dataKey } from '../../../src/db/data-key.ts';
import { openAppDatabase } from '../../../src/db/database.ts';
import { setActorName } from '../../../src/db/settings.ts';
import { LocalLayerError } from '../../../src/local/domain/local-layer-error.ts';
import { nationalTextHashes } from '../../../src/local/domain/national-text.ts';
import {
  clearNotApplicable,
  removeLocalAnnotation,
  removeLocalContact,
  removeLocalStep,
  saveLocalAnnotation,
  saveLocalContact,
  saveLocalStep,
  setLocalMunicipality,
  setNotApplicable,
} from '../../../src/local/store/commands.ts';
import { observeLocalLayer, readLocalChanges, readLocalLayer } from '../../../src/local/store/local-store.ts';
import { setUpLock } from '../../../src/lock/lock-service.ts';
import { freshDatabase, realKader, steppingClock } from '../incidents/helpers.ts';
import { everythingStored, FAST, PASSPHRASE } from '../lock/lock-support.ts';

afterEach(() => dataKey.configure(false));

const national = realKader();
const firstStep = national.phases.find((p) => p.id === 'direct-na')!.steps[0]!;
const contactInput = {
  name: 'Woonstad, calamiteitenlijn',
  role: 'Woningcorporatie',
  phones: [{ label: 'Piket', number: '010 440 88 00' }],
  visibility: 'openbaar' as const,
};
const stepInput = {
  phase: 'direct-na' as const,
  after: firstStep.id,
  title: 'Beheerders buurtapp informeren',
  what: 'Bel de beheerders van de buurtapps.',
  why: 'Zij sturen geruchten bij.',
  kind: 'communicatie' as const,
  actor: 'OOV-adviseur',
  targets: ['woning' as const],
  partners: [],
  contacts: [],
  sources: [],
};

async function setUp() {
  const db = freshDatabase();
  const context = { national, db, actor: 'Anna' };
  await setLocalMunicipality('gm0599', 'Rotterdam', context);
  return { db, context };
}

describe('the local store', () => {
  it('refuses edits before the municipality is set, and stores nothing', async () => {
    const db = freshDatabase();
    await expect(saveLocalContact(contactInput, { national, db, actor: 'Anna' })).rejects.toThrow(LocalLayerError);
    expect(await readLocalLayer(db)).toBeUndefined();
    expect(await readLocalChanges({ db })).toEqual([]);
  });

  it('keeps every change with who and when, one revision each', async () => {
    const { db, context } = await setUp();
    const at = { ...context, now: steppingClock('2026-12-02T10:01:00.000Z', 60_000) };
    const { layer: withContact } = await saveLocalContact(contactInput, at);
    const contactId = withContact.contacts[0]!.id;
    expect(contactId).toMatch(/^gm0599-contact-[0-9a-z]+$/);
    const { layer: withStep } = await saveLocalStep({ ...stepInput, contacts: [contactId] }, { ...at, actor: 'Bram' });
    const stepId = withStep.steps[0]!.id;
    // Opaque, not made from the title: ids travel where titles are redacted.
    expect(stepId).toMatch(/^direct-na\.gm0599-stap-[0-9a-z]{26}$/);
    await saveLocalAnnotation({ targetId: firstStep.id, note: 'Bel eerst de wijkagent.', contacts: [contactId] }, at);
    await setNotApplicable(national.phases[0]!.steps[0]!.id, 'Regelen wij regionaal.', at);
    await saveLocalContact({ ...contactInput, id: contactId, name: 'Woonstad' }, at);

    const layer = (await readLocalLayer(db))!;
    expect(layer.revision).toBe(6);
    expect(layer.contacts.map((c) => c.name)).toEqual(['Woonstad']);
    expect(layer.annotations[0]!.nationalTextHash).toBe(nationalTextHashes(national)(firstStep.id));
    const changes = await readLocalChanges({ db });
    expect(changes.map((c) => c.revision)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(changes.map((c) => c.actor)).toEqual(['Anna', 'Anna', 'Anna', 'Bram', 'Anna', 'Anna']);
    expect(changes[0]).toMatchObject({
      kind: 'contact',
      action: 'opgeslagen',
      at: '2026-12-02T10:05:00.000Z',
      before: { name: 'Woonstad, calamiteitenlijn' },
      after: { name: 'Woonstad' },
    });

    await removeLocalContact(contactId, at);
    const afterRemoval = (await readLocalLayer(db))!;
    expect(afterRemoval.steps[0]!.contacts).toEqual([]);
    expect(afterRemoval.annotations[0]!.contacts).toEqual([]);
    await removeLocalAnnotation(firstStep.id, at);
    await clearNotApplicable(national.phases[0]!.steps[0]!.id, at);
    await removeLocalStep(stepId, at);
    const empty = (await readLocalLayer(db))!;
    expect([empty.contacts, empty.steps, empty.annotations, empty.notApplicable]).toEqual([[], [], [], []]);
    expect(empty.revision).toBe(10);
    expect((await readLocalChanges({ db, limit: 4 })).map((c) => c.action)).toEqual(Array(4).fill('verwijderd'));
  });

  it('takes the adviser name from the settings when no actor is given', async () => {
    const { db } = await setUp();
    await setActorName('Chris de Vries', db);
    await saveLocalContact(contactInput, { national, db });
    expect((await readLocalChanges({ db, limit: 1 }))[0]!.actor).toBe('Chris de Vries');
  });

  it('refuses bad input with a Dutch message and changes nothing', async () => {
    const { db, context } = await setUp();
    const cases: [Promise<unknown>, RegExp][] = [
      [saveLocalContact({ ...contactInput, phones: [{ label: 'Piket', number: '010-BEL-MIJ' }] }, context), /letters/],
      [saveLocalContact({ ...contactInput, phones: [{ label: 'x', number: '++--' }] }, context), /geen telefoonnummer/],
      [saveLocalContact({ ...contactInput, email: 'geen-adres' }, context), /e-mailadres/],
      [saveLocalContact({ ...contactInput, name: '  ' }, context), /Vul de naam/],
      [saveLocalStep({ ...stepInput, after: 'nazorg.iets' }, context), /dezelfde fase/],
      [saveLocalStep({ ...stepInput, targets: [] }, context), /doelwit/],
      [saveLocalStep({ ...stepInput, sources: [{ title: 'x', url: 'javascript:alert(1)' }] }, context), /https/],
      [
        saveLocalStep({ ...stepInput, phase: 'nazorg', after: undefined, timeWindow: 'eerste-uur' }, context),
        /tijdvenster/,
      ],
      [saveLocalAnnotation({ targetId: 'direct-na.bestaat-niet', note: 'x' }, context), /landelijke kader/],
      [setNotApplicable(firstStep.id, '', context), /Vul waarom/],
      [setLocalMunicipality('Rotterdam', 'Rotterdam', context), /gm met vier cijfers|"gm" met vier cijfers/],
      [removeLocalStep('direct-na.gm0599-weg', context), /bestaat niet meer/],
      [saveLocalContact(contactInput, { ...context, actor: '' }), /uw naam/],
    ];
    for (const [attempt, message] of cases) {
      const error = await attempt.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(LocalLayerError);
      expect((error as LocalLayerError).userMessage).toMatch(message);
    }
    expect((await readLocalLayer(db))!.revision).toBe(1);
    expect(await readLocalChanges({ db })).toHaveLength(1);
  });

  it('refuses a new municipality code once local ids carry the old one', async () => {
    const { context } = await setUp();
    await saveLocalContact(contactInput, context);
    await expect(setLocalMunicipality('gm0363', 'Amsterdam', context)).rejects.toThrow(/kan niet meer wijzigen/);
    // Renaming keeps the code and is fine.
    const { layer } = await setLocalMunicipality('gm0599', 'Gemeente Rotterdam', context);
    expect(layer.municipality).toBe('Gemeente Rotterdam');
  });

  it('loses no change when two tabs edit at the same moment', async () => {
    const { db, context } = await setUp();
    const other = openAppDatabase(db.name);
    const saves = Array.from({ length: 12 }, (_, i) =>
      saveLocalContact({ ...contactInput, name: `Contact ${i}` }, { ...context, db: i % 2 ? other : db }),
    );
    await Promise.all(saves);
    const layer = (await readLocalLayer(db))!;
    expect(layer.contacts.map((c) => c.name).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `Contact ${i}`).sort(),
    );
    expect(layer.revision).toBe(13);
    expect((await readLocalChanges({ db })).map((c) => c.revision)).toEqual(
      Array.from({ length: 13 }, (_, i) => 13 - i),
    );
    other.close();
  });

  it('tells an observer about a change from another connection', async () => {
    const { db, context } = await setUp();
    const seen: number[] = [];
    const stop = observeLocalLayer((layer) => seen.push(layer?.revision ?? 0), undefined, db);
    const other = openAppDatabase(db.name);
    await saveLocalContact(contactInput, { ...context, db: other });
    await expect.poll(() => seen.at(-1)).toBe(2);
    stop();
    other.close();
  });

  it('seals names and numbers of contacts, and the history, when the lock is on', async () => {
    const db = freshDatabase();
    await setUpLock(db, PASSPHRASE, FAST);
    const context = { national, db, actor: 'Adviseur-PLANT-42' };
    await setLocalMunicipality('gm0599', 'Rotterdam', context);
    await saveLocalContact(
      { ...contactInput, name: 'Jan PLANT-Jansen', phones: [{ label: 'Mobiel', number: '06 9876 5432' }] },
      context,
    );
    const stored = await everythingStored(db);
    for (const planted of ['PLANT-Jansen', '06 9876 5432', 'Adviseur-PLANT-42']) expect(stored).not.toContain(planted);
    expect((await readLocalLayer(db))!.contacts[0]!.name).toBe('Jan PLANT-Jansen');
  });
});
