import { describe, expect, it } from 'vitest';
import { LocalLayerError } from '../../../src/local/domain/local-layer-error.ts';
import {
  removeLocalContact,
  removeLocalStep,
  saveLocalContact,
  saveLocalStep,
  setLocalMunicipality,
} from '../../../src/local/store/commands.ts';
import { applyLocalImport, exportLocalLayer, previewLocalImport } from '../../../src/local/store/local-exchange.ts';
import { readLocalChanges, readLocalLayer } from '../../../src/local/store/local-store.ts';
import { freshDatabase, realKader } from '../incidents/helpers.ts';
import { seedLayer } from './local-file-fixture.ts';

const national = realKader();

async function sharedFileOf(db: ReturnType<typeof freshDatabase>) {
  return (await exportLocalLayer({ shared: true, contentVersion: national.version, db })).file;
}

describe('importing another municipality’s layer', () => {
  it('copies it into our own namespace, records the source, and keeps our own entries', async () => {
    const rotterdam = freshDatabase();
    await seedLayer(rotterdam, national);
    const file = await sharedFileOf(rotterdam);

    const amsterdam = freshDatabase();
    const ours = { national, db: amsterdam, actor: 'Ans' };
    await setLocalMunicipality('gm0363', 'Amsterdam', ours);
    await saveLocalContact({ name: 'Eigen lijn', role: 'x', phones: [], visibility: 'openbaar' }, ours);
    const before = (await readLocalLayer(amsterdam))!;

    const plan = await previewLocalImport(file, { db: amsterdam, now: new Date('2026-12-02T12:00:00Z') });
    expect(plan.mode).toBe('kopie');
    const theirStep = (await readLocalLayer(rotterdam))!.steps[0]!;
    expect(plan.steps.added.map((s) => s.id)).toEqual([theirStep.id.replace('gm0599', 'gm0363')]);
    expect(plan.steps.added[0]!.copiedFrom).toBe(theirStep.id);
    expect(plan.contacts.added.every((c) => c.id.startsWith('gm0363-') && c.copiedFrom?.startsWith('gm0599-'))).toBe(
      true,
    );
    expect(plan.steps.added[0]!.contacts.every((id) => id.startsWith('gm0363-'))).toBe(true);
    // The preview wrote nothing.
    expect(await readLocalLayer(amsterdam)).toEqual(before);

    const after = await applyLocalImport(plan, file, { db: amsterdam, actor: 'Ans' });
    expect(after.municipalityCode).toBe('gm0363');
    expect(after.contacts.map((c) => c.name)).toContain('Eigen lijn');
    expect(after.origins).toEqual([
      { municipality: 'Rotterdam', municipalityCode: 'gm0599', revision: 7, importedAt: '2026-12-02T12:00:00.000Z' },
    ]);
    expect(after.revision).toBe(before.revision + 1);
    expect((await readLocalChanges({ db: amsterdam, limit: 1 }))[0]!.summary).toMatch(/Rotterdam.*als kopie/);
  });

  it('later shows what the source changed since the recorded revision, and keeps what we changed ourselves', async () => {
    const rotterdam = freshDatabase();
    await seedLayer(rotterdam, national);
    const theirs = { national, db: rotterdam, actor: 'Anna' };
    const amsterdam = freshDatabase();
    const ours = { national, db: amsterdam, actor: 'Ans' };
    await setLocalMunicipality('gm0363', 'Amsterdam', ours);
    const first = await sharedFileOf(rotterdam);
    await applyLocalImport(await previewLocalImport(first, { db: amsterdam }), first, { db: amsterdam, actor: 'Ans' });

    // Rotterdam adds a step, edits the organisation's contact and removes its buurtapp step.
    const layer = (await readLocalLayer(rotterdam))!;
    const [org] = layer.contacts;
    await saveLocalContact(
      { ...org!, name: 'Woonstad (nieuw nummer)', phones: [{ label: 'Piket', number: '010 999 99 99' }] },
      theirs,
    );
    await removeLocalStep(layer.steps[0]!.id, theirs);
    await saveLocalStep(
      {
        phase: 'nazorg',
        title: 'Herdenking afstemmen',
        what: 'Stem af met de buurt.',
        why: 'Rust.',
        kind: 'nazorg',
        actor: 'Gebiedsmakelaar',
        targets: ['woning'],
        partners: [],
        contacts: [],
        sources: [],
      },
      theirs,
    );
    // Meanwhile Amsterdam edited its copy of the person contact itself.
    const copy = (await readLocalLayer(amsterdam))!.contacts.find((c) => c.person)!;
    const { id: _id, copiedFrom: _from, ...editable } = copy;
    await saveLocalContact({ ...editable, id: copy.id, availability: 'werkdagen' }, ours);
    // Rotterdam changes that person too.
    const theirPerson = (await readLocalLayer(rotterdam))!.contacts.find((c) => c.person)!;
    const { copiedFrom: _f, ...theirEditable } = theirPerson;
    await saveLocalContact({ ...theirEditable, role: 'Wijkagent Noord' }, theirs);

    const second = await sharedFileOf(rotterdam);
    const plan = await previewLocalImport(second, { db: amsterdam });
    expect(plan.mode).toBe('bijwerken');
    expect(plan.sinceRevision).toBe(7);
    expect(plan.source.revision).toBe(11);
    expect(plan.steps.added.map((s) => s.title)).toEqual(['Herdenking afstemmen']);
    expect(plan.steps.added[0]!.id).toMatch(/^nazorg\.gm0363-stap-[0-9a-z]{26}$/);
    expect(plan.steps.removed.map((s) => s.copiedFrom)).toEqual([layer.steps[0]!.id]);
    expect(plan.contacts.changed.map((c) => c.after.name)).toEqual(['Woonstad (nieuw nummer)']);
    expect(plan.contacts.kept.map((k) => k.ours.availability)).toEqual(['werkdagen']);

    const after = await applyLocalImport(plan, second, { db: amsterdam, actor: 'Ans' });
    expect(after.contacts.find((c) => c.person)?.availability).toBe('werkdagen');
    expect(after.origins[0]!.revision).toBe(11);
    expect((await previewLocalImport(second, { db: amsterdam })).unchanged).toBe(true);
  });

  it('keeps a copy we deleted deleted when the source changed it since, and lists it as deleted by us', async () => {
    const rotterdam = freshDatabase();
    const { org } = await seedLayer(rotterdam, national);
    const amsterdam = freshDatabase();
    const ours = { national, db: amsterdam, actor: 'Ans' };
    await setLocalMunicipality('gm0363', 'Amsterdam', ours);
    const first = await sharedFileOf(rotterdam);
    await applyLocalImport(await previewLocalImport(first, { db: amsterdam }), first, { db: amsterdam, actor: 'Ans' });
    const copy = (await readLocalLayer(amsterdam))!.contacts.find((c) => c.copiedFrom === org.id)!;
    await removeLocalContact(copy.id, ours);
    const { copiedFrom: _from, ...theirOrg } = org;
    await saveLocalContact({ ...theirOrg, availability: 'werkdagen' }, { national, db: rotterdam, actor: 'Anna' });

    const second = await sharedFileOf(rotterdam);
    const plan = await previewLocalImport(second, { db: amsterdam });
    expect(plan.mode).toBe('bijwerken');
    expect(plan.contacts.kept).toEqual([]);
    expect(plan.contacts.deletedByUs.map((c) => [c.id, c.availability])).toEqual([[copy.id, 'werkdagen']]);
    expect(plan.unchanged).toBe(true);
    const after = await applyLocalImport({ ...plan, unchanged: false }, second, { db: amsterdam, actor: 'Ans' });
    expect(after.contacts.some((c) => c.copiedFrom === org.id)).toBe(false);
  });

  it('leaves another municipality’s internal contacts out of a copy of its full file, and says how many', async () => {
    const rotterdam = freshDatabase();
    const { internal } = await seedLayer(rotterdam, national);
    const full = (await exportLocalLayer({ shared: false, contentVersion: national.version, db: rotterdam })).file;
    const amsterdam = freshDatabase();
    await setLocalMunicipality('gm0363', 'Amsterdam', { national, db: amsterdam, actor: 'Ans' });

    const plan = await previewLocalImport(full, { db: amsterdam });
    expect(plan.mode).toBe('kopie');
    expect(plan.internalLeftOut).toBe(1);
    expect(plan.contacts.added.map((c) => c.name)).not.toContain(internal.name);
    expect(plan.contacts.added.every((c) => c.visibility === 'openbaar')).toBe(true);
    const kept = new Set(plan.result.contacts.map((c) => c.id));
    for (const ref of [...plan.result.steps, ...plan.result.annotations].flatMap((e) => e.contacts))
      expect(kept.has(ref)).toBe(true);
  });

  it('refuses to apply a preview made before another change, and writes nothing', async () => {
    const rotterdam = freshDatabase();
    await seedLayer(rotterdam, national);
    const file = await sharedFileOf(rotterdam);
    const amsterdam = freshDatabase();
    const ours = { national, db: amsterdam, actor: 'Ans' };
    await setLocalMunicipality('gm0363', 'Amsterdam', ours);
    const plan = await previewLocalImport(file, { db: amsterdam });
    await saveLocalContact({ name: 'Tussendoor', role: '', phones: [], visibility: 'intern' }, ours);
    const before = await readLocalLayer(amsterdam);
    await expect(applyLocalImport(plan, file, { db: amsterdam, actor: 'Ans' })).rejects.toThrow(LocalLayerError);
    expect(await readLocalLayer(amsterdam)).toEqual(before);
    expect(await amsterdam.localLayer.count()).toBe(1);
  });
});
