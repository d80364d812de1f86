import { describe, expect, it } from 'vitest';
import { LocalLayerError } from '../../../src/local/domain/local-layer-error.ts';
import { removeLocalContact, saveLocalContact } from '../../../src/local/store/commands.ts';
import {
  applyLocalImport,
  exportLocalLayer,
  previewLocalImport,
  undoLocalImport,
} from '../../../src/local/store/local-exchange.ts';
import { readLocalChanges, readLocalLayer } from '../../../src/local/store/local-store.ts';
import { freshDatabase, realKader } from '../incidents/helpers.ts';
import { seedLayer } from './local-file-fixture.ts';

const national = realKader();
type Db = ReturnType<typeof freshDatabase>;
const fileOf = async (db: Db, shared: boolean) =>
  (await exportLocalLayer({ shared, contentVersion: national.version, db })).file;

describe('importing a file of our own municipality', () => {
  it('by default adds and updates but removes nothing the file lacks; replacing is an explicit choice', async () => {
    const db = freshDatabase();
    const context = { national, db, actor: 'Anna' };
    await seedLayer(db, national);
    const backup = await fileOf(db, false);
    await saveLocalContact({ name: 'Nieuwe piketlijn', role: 'Piket', phones: [], visibility: 'openbaar' }, context);

    const plan = await previewLocalImport(backup, { db });
    expect(plan.mode).toBe('eigen');
    expect(plan.choice).toBe('aanvullen');
    expect(plan.contacts.removed).toEqual([]);
    expect(plan.contacts.kept.map((k) => [k.ours.name, k.theirs])).toEqual([['Nieuwe piketlijn', undefined]]);
    expect(plan.result.contacts.map((c) => c.name)).toContain('Nieuwe piketlijn');

    const replace = await previewLocalImport(backup, { db, choice: 'vervangen' });
    expect(replace.contacts.removed.map((c) => c.name)).toEqual(['Nieuwe piketlijn']);
    expect(replace.result.contacts.map((c) => c.name)).not.toContain('Nieuwe piketlijn');

    await applyLocalImport(plan, backup, { db, actor: 'Anna' });
    expect((await readLocalLayer(db))!.contacts.map((c) => c.name)).toContain('Nieuwe piketlijn');
  });

  it('takes only additions from our own file made for other municipalities: internal contacts and numbers stay', async () => {
    const db = freshDatabase();
    const { person, internal } = await seedLayer(db, national);
    const shared = await fileOf(db, true);
    const before = (await readLocalLayer(db))!;

    const plan = await previewLocalImport(shared, { db, choice: 'vervangen' });
    expect(plan.additionsOnly).toBe(true);
    expect(plan.choice).toBe('aanvullen');
    for (const kind of ['contacts', 'steps', 'annotations', 'notApplicable'] as const) {
      expect(plan[kind].removed).toEqual([]);
      expect(plan[kind].changed).toEqual([]);
    }
    expect(plan.unchanged).toBe(true);
    const contacts = new Map(plan.result.contacts.map((c) => [c.id, c]));
    expect(contacts.get(internal.id)).toEqual(before.contacts.find((c) => c.id === internal.id));
    expect(contacts.get(person.id)?.phones).toEqual(person.phones);
  });

  it('keeps the whole previous layer in the history row and can undo the import while nothing changed since', async () => {
    const db = freshDatabase();
    const context = { national, db, actor: 'Anna' };
    await seedLayer(db, national);
    const backup = await fileOf(db, false);
    await saveLocalContact({ name: 'Nieuwe piketlijn', role: 'Piket', phones: [], visibility: 'openbaar' }, context);
    const before = (await readLocalLayer(db))!;

    const plan = await previewLocalImport(backup, { db, choice: 'vervangen' });
    const after = await applyLocalImport(plan, backup, { db, actor: 'Anna' });
    expect(after.contacts.map((c) => c.name)).not.toContain('Nieuwe piketlijn');
    const [row] = await readLocalChanges({ db, limit: 1 });
    expect(row!.before).toEqual({ layer: before, source: null });

    const undone = await undoLocalImport(after.revision, { db, actor: 'Anna' });
    expect(undone.revision).toBe(after.revision + 1);
    expect({ ...(await readLocalLayer(db))!, revision: before.revision }).toEqual(before);
    expect((await readLocalChanges({ db, limit: 1 }))[0]!.summary).toMatch(/ongedaan/);
    // An undo is not an import that can be undone again.
    await expect(undoLocalImport(undone.revision, { db, actor: 'Anna' })).rejects.toThrow(LocalLayerError);
  });

  it('refuses to undo an import once the layer changed after it, and changes nothing', async () => {
    const db = freshDatabase();
    const context = { national, db, actor: 'Anna' };
    const { org } = await seedLayer(db, national);
    const backup = await fileOf(db, false);
    await removeLocalContact(org.id, context);
    const imported = await applyLocalImport(await previewLocalImport(backup, { db }), backup, { db, actor: 'Anna' });
    await saveLocalContact({ name: 'Daarna', role: 'x', phones: [], visibility: 'openbaar' }, context);
    const before = await readLocalLayer(db);
    await expect(undoLocalImport(imported.revision, { db, actor: 'Anna' })).rejects.toThrow(/niet meer ongedaan/);
    expect(await readLocalLayer(db)).toEqual(before);
  });
});
