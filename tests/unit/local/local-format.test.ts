import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  LOCAL_SCHEMA_PATH,
  LOCAL_VALIDATOR_PATH,
  localSchemaText,
  localValidatorText,
} from '../../../scripts/write-local-schema.ts';
import { checkLocalFile } from '../../../src/local/domain/check-local-file.ts';
import { localFileSchema } from '../../../src/local/format/schema.ts';
import { applyLocalImport, exportLocalLayer, previewLocalImport } from '../../../src/local/store/local-exchange.ts';
import { readLocalFile } from '../../../src/local/store/local-file-io.ts';
import { readLocalChanges, readLocalLayer } from '../../../src/local/store/local-store.ts';
import { freshDatabase, realKader } from '../incidents/helpers.ts';
import { seedLayer } from './local-file-fixture.ts';

const textFile = (text: string) => ({ size: new TextEncoder().encode(text).length, text: async () => text });
const national = realKader();

describe('the handelingskader-lokaal file', () => {
  it('has a published JSON Schema and validator generated from the zod schema (npx tsx scripts/write-local-schema.ts)', () => {
    expect(readFileSync(LOCAL_SCHEMA_PATH, 'utf8')).toBe(localSchemaText());
    expect(readFileSync(LOCAL_VALIDATOR_PATH, 'utf8')).toBe(localValidatorText());
  });

  it('restores a layer on another device exactly (plain export, then import)', async () => {
    const source = freshDatabase();
    await seedLayer(source, national);
    const exported = await exportLocalLayer({ shared: false, contentVersion: national.version, db: source });
    expect(exported.fileName).toBe('lokale-laag-gm0599-r7.json');
    expect(localFileSchema.safeParse(JSON.parse(exported.text)).success).toBe(true);
    const read = await readLocalFile(textFile(exported.text));
    if (!read.ok) throw new Error(read.message);

    const target = freshDatabase();
    const plan = await previewLocalImport(read.file, { db: target });
    expect(plan.mode).toBe('eigen');
    expect([plan.contacts.added.length, plan.steps.added.length, plan.annotations.added.length]).toEqual([3, 1, 1]);
    await applyLocalImport(plan, read.file, { db: target, actor: 'Bram' });
    const restored = (await readLocalLayer(target))!;
    const original = (await readLocalLayer(source))!;
    expect({ ...restored, revision: 0 }).toEqual({ ...original, revision: 0 });
    expect(restored.revision).toBe(8);
    expect((await readLocalChanges({ db: target }))[0]).toMatchObject({ actor: 'Bram', kind: 'import', revision: 8 });
    // Importing the same file again changes nothing.
    expect((await previewLocalImport(read.file, { db: target })).unchanged).toBe(true);
  });

  it('shares with other municipalities without internal contacts or personal data', async () => {
    const db = freshDatabase();
    const { org, person, internal } = await seedLayer(db, national);
    const { file, report, text } = await exportLocalLayer({ shared: true, contentVersion: national.version, db });
    expect(report).toEqual({ internalContacts: 1, persons: 1, redactedTexts: 1, contactDetails: 0, sourceLinks: 0 });
    expect(file.layer.contacts.map((c) => c.id)).toEqual([org.id, person.id]);
    expect(file.layer.contacts[1]).toMatchObject({ name: 'Wijkagent Zuid', phones: [], person: true });
    expect(file.layer.contacts[1]!.email).toBeUndefined();
    for (const secret of ['Jan de Vries', '06 1234 5678', 'jan.devries', internal.id, 'Kabinet burgemeester'])
      expect(text).not.toContain(secret);
    // What another municipality needs stays: the organisation's line and the step.
    expect(text).toContain('010 440 88 00');
    expect(file.layer.steps[0]!.what).toContain('[naam verwijderd]');
    expect(checkLocalFile(file)).toBeUndefined();
    const read = await readLocalFile(textFile(text));
    expect(read.ok).toBe(true);
  });

  it('documents a valid example in docs/local-format.md', async () => {
    const blocks = [...readFileSync('docs/local-format.md', 'utf8').matchAll(/```json\n([\s\S]*?)```/g)];
    expect(blocks.length).toBeGreaterThan(0);
    for (const [, json] of blocks) {
      const read = await readLocalFile(textFile(json!));
      expect(read.ok ? 'ok' : read.detail).toBe('ok');
    }
  });
});
