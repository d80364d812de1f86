import { describe, expect, it } from 'vitest';
import { gzipText } from '../../../src/exchange/format/gzip.ts';
import { applyLocalImport, exportLocalLayer, previewLocalImport } from '../../../src/local/store/local-exchange.ts';
import { type LocalImportableFile, readLocalFile } from '../../../src/local/store/local-file-io.ts';
import { readLocalChanges, readLocalLayer } from '../../../src/local/store/local-store.ts';
import { at, paths, wrongTypeFor } from '../exchange/hostile-support.ts';
import { freshDatabase, realKader } from '../incidents/helpers.ts';
import { seedLayer } from './local-file-fixture.ts';

/**
 * Generated hostile local layer files: every field given a wrong type or removed, forged ids and
 * references, polluted keys, bombs and cut-off text. Each is refused with a Dutch message, and the
 * layer on the device (with its history) is exactly what it was.
 */
const national = realKader();
const textFile = (text: string): LocalImportableFile => ({ size: text.length, text: async () => text });
const bytesFile = (bytes: Uint8Array<ArrayBuffer>): LocalImportableFile => ({
  size: bytes.byteLength,
  text: async () => new TextDecoder().decode(bytes),
  arrayBuffer: async () => bytes.slice().buffer,
});

async function cases(valid: string): Promise<{ name: string; file: LocalImportableFile }[]> {
  const base = JSON.parse(valid);
  // biome-ignore lint/suspicious/noExplicitAny: the cases reach into the parsed JSON anywhere
  const edit = (name: string, change: (file: any) => void) => {
    const copy = structuredClone(base);
    change(copy);
    return { name, file: textFile(JSON.stringify(copy)) };
  };
  const out: { name: string; file: LocalImportableFile }[] = [];
  for (const path of paths(base)) {
    const { parent, key } = at(base, path);
    if (Array.isArray(parent) && typeof parent[key as number] !== 'object') continue;
    out.push(
      edit(`wrong type at ${path.join('.')}`, (f) => {
        const place = at(f, path);
        place.parent[place.key] = wrongTypeFor(place.parent[place.key]);
      }),
    );
  }
  const required = ['format', 'version', 'exportedAt', 'contentVersion', 'shared', 'layer'];
  for (const key of required) out.push(edit(`missing ${key}`, (f) => delete f[key]));
  for (const key of ['municipalityCode', 'municipality', 'revision', 'contacts', 'steps', 'annotations'])
    out.push(edit(`missing layer.${key}`, (f) => delete f.layer[key]));
  out.push(
    edit('newer version', (f) => (f.version = 2)),
    edit('incident export', (f) => (f.format = 'handelingskader-uitwisseling')),
    edit('code not a CBS code', (f) => (f.layer.municipalityCode = 'amsterdam')),
    edit('step in another namespace', (f) => (f.layer.steps[0].id = 'direct-na.gm0363-iets')),
    edit('step id in another phase', (f) => (f.layer.steps[0].id = 'nazorg.gm0599-iets')),
    edit('step after itself', (f) => (f.layer.steps[0].after = f.layer.steps[0].id)),
    edit('duplicate step', (f) => f.layer.steps.push(f.layer.steps[0])),
    edit('duplicate contact', (f) => f.layer.contacts.push(f.layer.contacts[0])),
    edit('contact in another namespace', (f) => (f.layer.contacts[0].id = 'gm0363-contact-x')),
    edit('dangling contact reference', (f) => f.layer.steps[0].contacts.push('gm0599-contact-bestaat-niet')),
    edit('duplicate annotation', (f) => f.layer.annotations.push(f.layer.annotations[0])),
    edit('duplicate mark', (f) => f.layer.notApplicable.push(f.layer.notApplicable[0])),
    edit('phone with letters', (f) => (f.layer.contacts[0].phones[0].number = '010-BEL-MIJ')),
    edit('javascript link', (f) => (f.layer.steps[0].sources[0].url = 'javascript:alert(1)')),
    edit('time window outside direct-na', (f) => {
      f.layer.steps[0].phase = 'nazorg';
      f.layer.steps[0].id = f.layer.steps[0].id.replace('direct-na.', 'nazorg.');
    }),
    edit('empty title', (f) => (f.layer.steps[0].title = '')),
    edit('huge note', (f) => (f.layer.annotations[0].note = 'x'.repeat(20_000))),
    edit('no targets', (f) => (f.layer.steps[0].targets = [])),
    edit('unknown target', (f) => (f.layer.steps[0].targets = ['boot'])),
    edit('negative revision', (f) => (f.layer.revision = -1)),
    edit('internal contact in a shared file', (f) => (f.layer.contacts[0].visibility = 'intern')),
    edit('a person’s number in a shared file', (f) => (f.layer.contacts[0].person = true)),
    edit('too many contacts', (f) => {
      f.layer.contacts = Array.from({ length: 2_001 }, (_, i) => ({ ...f.layer.contacts[0], id: `gm0599-c-${i}` }));
    }),
  );
  out.push(
    { name: 'not JSON', file: textFile('dit is geen json') },
    { name: 'cut off', file: textFile(valid.slice(0, valid.length / 2)) },
    { name: 'empty', file: textFile('') },
    { name: 'array', file: textFile('[]') },
    { name: 'null', file: textFile('null') },
    { name: 'prototype pollution', file: textFile(valid.replace('{', '{"__proto__":{"isAdmin":true},')) },
    { name: 'escaped pollution', file: textFile(valid.replace('{', '{"\\u005f_proto__":{"x":1},')) },
    { name: 'constructor key', file: textFile(valid.replace('"layer":{', '"layer":{"constructor":{"prototype":{}},')) },
    { name: 'too large', file: { size: 6 * 1024 * 1024, text: async () => valid } },
    { name: 'size not a number', file: { size: Number.NaN, text: async () => valid } },
    { name: 'gzip bomb', file: bytesFile(await gzipText(' '.repeat(6 * 1024 * 1024))) },
    { name: 'gzip of not JSON', file: bytesFile(await gzipText('geen json')) },
    { name: 'broken gzip', file: bytesFile(new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3])) },
    { name: 'not UTF-8', file: bytesFile(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])) },
  );
  return out;
}

describe('hostile local layer files', () => {
  it('are each refused with a Dutch message, and the stored layer is unchanged', async () => {
    const source = freshDatabase();
    await seedLayer(source, national);
    const valid = (await exportLocalLayer({ shared: true, contentVersion: national.version, db: source })).text;
    expect((await readLocalFile(textFile(valid))).ok).toBe(true);

    const target = freshDatabase();
    await seedLayer(target, national, 'gm0363', 'Amsterdam');
    const before = { layer: await readLocalLayer(target), changes: await readLocalChanges({ db: target }) };

    const all = await cases(valid);
    expect(all.length).toBeGreaterThanOrEqual(60);
    for (const { name, file } of all) {
      const read = await readLocalFile(file);
      if (read.ok) {
        // Only a file that is valid on its own may get this far; none of these is.
        const plan = await previewLocalImport(read.file, { db: target });
        await applyLocalImport(plan, read.file, { db: target, actor: 'Test' });
        throw new Error(`accepted: ${name}`);
      }
      expect(read.message, name).toMatch(/niets veranderd/);
    }
    expect({ layer: await readLocalLayer(target), changes: await readLocalChanges({ db: target }) }).toEqual(before);
    expect(await target.localLayer.count()).toBe(1);
  });
});
