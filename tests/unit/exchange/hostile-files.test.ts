import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../src/db/database.ts';
import { readAllEvents } from '../../../src/db/event-log.ts';
import { exportIncidents, serialiseExport } from '../../../src/exchange/export/export.ts';
import { toArtifact } from '../../../src/exchange/export/export-artifact.ts';
import { gzipText } from '../../../src/exchange/format/gzip.ts';
import type { ExchangeFile } from '../../../src/exchange/format/types.ts';
import { applyImport } from '../../../src/exchange/import/import-apply.ts';
import { previewImport } from '../../../src/exchange/import/import-preview.ts';
import { IMPORT_MESSAGE, MAX_IMPORT_BYTES } from '../../../src/exchange/import/import-result.ts';
import { readImportFile } from '../../../src/exchange/import/read-import.ts';
import type { IncidentEvent } from '../../../src/model/events.ts';
import { commandsFor, dumpDatabase, freshDatabase, homeAt } from '../incidents/helpers.ts';
import { artifactText } from '../support/artifact.ts';
import { runRandomHistory } from '../support/random-history.ts';
import { hostileCases } from './hostile-cases.ts';
import { PASSPHRASE, textFile } from './hostile-support.ts';

let valid: ExchangeFile;
let validText: string;
let encryptedText: string;
let gzipped: Record<'valid' | 'bomb' | 'notJson' | 'pollution', Uint8Array<ArrayBuffer>>;
let db: AppDatabase;

beforeAll(async () => {
  const source = freshDatabase();
  await runRandomHistory(source, 3, { steps: 30 });
  const commands = commandsFor(source);
  const { incidentId } = await commands.createIncident(homeAt('3512AB', '7'), 'direct-na', '2026.1');
  await commands.addLogEntry(incidentId, 'iets');
  await commands.recordDecision(incidentId, {
    instrumentId: 'x',
    outcome: 'genomen',
    considerations: [{ considerationId: 'c', checked: true, note: 'n' }],
    motivation: 'm',
    decidedAt: '2026-03-01T21:00:00.000Z',
  });
  valid = await exportIncidents(source, { incidentIds: 'all', now: new Date('2026-03-02T10:00:00.000Z') });
  validText = serialiseExport(valid);
  encryptedText = await artifactText(await toArtifact(valid, { passphrase: PASSPHRASE }));
  gzipped = {
    valid: await gzipText(validText),
    // Zeros shrink a thousandfold: a small file that would unpack to more than the limit.
    bomb: await gzipText('0'.repeat(MAX_IMPORT_BYTES + 1024)),
    notJson: await gzipText('dit is geen JSON'),
    pollution: await gzipText(validText.replace('{', '{"__proto__":{"polluted":true},')),
  };

  // The device the hostile files are imported into already holds work of its own.
  db = freshDatabase();
  await runRandomHistory(db, 11, { steps: 20 });
  const own = await exportIncidents(source, { incidentIds: [incidentId] });
  const read = await readImportFile(textFile(serialiseExport(own)));
  if (!read.ok) throw new Error(read.detail);
  await applyImport(db, read.file);
  const anonymised = await exportIncidents(source, { incidentIds: 'all', anonymise: {} });
  const network = await readImportFile(textFile(serialiseExport(anonymised)));
  if (!network.ok) throw new Error(network.detail);
  await applyImport(db, network.file);
}, 30_000);

describe('a bad or hostile file', () => {
  it('is refused with a Dutch message, and the database and Object.prototype stay exactly as they were', async () => {
    const all = hostileCases({ validText, encryptedText, gzipped });
    expect(all.length).toBeGreaterThanOrEqual(200);
    const before = await dumpDatabase(db);
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
    const messages = new Set(Object.values(IMPORT_MESSAGE));

    for (const testCase of all) {
      const read = await readImportFile(testCase.file, testCase.passphrase ? { passphrase: testCase.passphrase } : {});
      let result = read;
      if (read.ok) {
        // Valid on its own: then preview and apply must refuse it (e.g. conflicting with what is stored).
        const preview = await previewImport(db, read.file);
        const applied = await applyImport(db, read.file);
        expect(preview.ok, testCase.name).toBe(false);
        result = applied.ok ? read : applied;
      }
      expect(result.ok, testCase.name).toBe(false);
      if (result.ok) continue;
      if (testCase.expected) expect(result.reason, testCase.name).toBe(testCase.expected);
      expect(messages.has(result.message), testCase.name).toBe(true);
    }

    expect(await dumpDatabase(db)).toEqual(before);
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).toString).toBe(Object.prototype.toString);
  }, 120_000);

  it('that reuses a stored event id with other content is refused by preview and apply, and nothing is written', async () => {
    const stored = (await readAllEvents(db)).find((event) => event.type === 'log.entry-added')!;
    const incident = await db.incidents.get(stored.incidentId);
    const events = (await readAllEvents(db)).filter((event) => event.incidentId === stored.incidentId);
    const forged = events.map((event) =>
      event.id === stored.id ? { ...event, payload: { ...event.payload, text: 'vervalst' } } : event,
    );
    const file: ExchangeFile = { ...valid, incidents: [{ incident: incident!, events: forged as IncidentEvent[] }] };
    const read = await readImportFile(textFile(JSON.stringify(file)));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const before = await dumpDatabase(db);
    expect(await previewImport(db, read.file)).toMatchObject({ ok: false, reason: 'conflicting-content' });
    expect(await applyImport(db, read.file)).toMatchObject({ ok: false, reason: 'conflicting-content' });
    expect(await dumpDatabase(db)).toEqual(before);
  });
});
