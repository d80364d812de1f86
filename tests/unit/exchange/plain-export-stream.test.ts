import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppDatabase } from '../../../src/db/database.ts';
import { StorageError } from '../../../src/db/storage-error.ts';
import { type ExportOptions, exportIncidents, serialiseExport } from '../../../src/exchange/export/export.ts';
import { createExportArtifact, toArtifact } from '../../../src/exchange/export/export-artifact.ts';
import { COMPRESS_ABOVE_CHARS, gzipSinkInThisThread } from '../../../src/exchange/format/gzip.ts';
import { applyImport } from '../../../src/exchange/import/import-apply.ts';
import { readImportFile } from '../../../src/exchange/import/read-import.ts';
import { commandsFor, freshDatabase, homeAt, realKader } from '../incidents/helpers.ts';
import { artifactText } from '../support/artifact.ts';
import { runRandomHistory } from '../support/random-history.ts';

/**
 * A plain export is written while it is read, in chunks, and compressed on the fly past
 * 1 MB. It must be byte for byte the file that exportIncidents and serialiseExport give.
 */

const now = new Date('2026-03-04T08:30:00.000Z');

async function bothWays(db: AppDatabase, options: Omit<ExportOptions, 'now'> & { backup?: boolean }) {
  const streamed = await createExportArtifact(db, { ...options, now });
  const whole = await exportIncidents(db, { ...options, now });
  const wholeArtifact = await toArtifact(whole, { backup: options.backup ?? false });
  expect(streamed.artifact.fileName).toBe(wholeArtifact.fileName);
  expect(streamed.artifact.mimeType).toBe(wholeArtifact.mimeType);
  return { streamed, text: await artifactText(streamed.artifact), expected: serialiseExport(whole), whole };
}

async function manyIncidents(count: number, logText = '') {
  const db = freshDatabase();
  const kader = realKader();
  const commands = commandsFor(db, { kader: () => kader });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { incidentId } = await commands.createIncident(homeAt('3512AB', String(i + 1)), 'direct-na', kader.version);
    if (logText || i % 3 === 0) await commands.addLogEntry(incidentId, `regel ${i} ${logText}`);
    ids.push(incidentId);
  }
  return { db, ids, kader };
}

describe('a plain export written while it is read', () => {
  it('is the same text as the whole-file export, for random histories, with and without content', async () => {
    for (const seed of [2, 5, 13, 34]) {
      const db = freshDatabase();
      await runRandomHistory(db, seed, { steps: 30, deletes: true });
      for (const kader of [realKader(), undefined]) {
        const { text, expected, streamed, whole } = await bothWays(db, {
          incidentIds: 'all',
          ...(kader ? { kader } : {}),
        });
        expect(text, `seed ${seed}`).toBe(expected);
        expect(streamed.incidents).toBe(whole.incidents.length);
      }
      db.close();
    }
  }, 60_000);

  it('keeps a selection in its order across read chunks, and skips unknown ids', async () => {
    const { db, ids, kader } = await manyIncidents(120);
    // More than one read chunk, in an order that is not the key order.
    const picked = [ids[110]!, ids[3]!, 'onbekend', ids[60]!, ids[3]!, ...ids.slice(5, 100).reverse()];
    const { text, expected, streamed } = await bothWays(db, { incidentIds: picked, kader });
    expect(text).toBe(expected);
    expect(streamed.incidents).toBe(97);
    const order = (JSON.parse(text).incidents as { incident: { id: string } }[]).map(({ incident }) => incident.id);
    expect(order.slice(0, 3)).toEqual([ids[110], ids[3], ids[60]]);
    db.close();
  }, 60_000);

  it('names and fills a file without incidents as the whole-file export does', async () => {
    const db = freshDatabase();
    const { text, expected, streamed } = await bothWays(db, { incidentIds: 'all' });
    expect(text).toBe(expected);
    expect(streamed.incidents).toBe(0);
    expect(streamed.artifact.fileName).toBe('handelingskader-0-incidenten-2026-03-04.json');
    db.close();
  });

  it('carries the network section of a backup', async () => {
    const { db, kader } = await manyIncidents(3);
    const other = freshDatabase();
    await commandsFor(other).createIncident(homeAt('1000AA', '1', { municipality: 'Amsterdam' }), 'dreiging', '2026.1');
    const anonymised = serialiseExport(await exportIncidents(other, { incidentIds: 'all', anonymise: {} }));
    const read = await readImportFile({ size: anonymised.length, text: async () => anonymised });
    if (!read.ok) throw new Error(read.detail);
    expect((await applyImport(db, read.file)).ok).toBe(true);
    const { text, expected, streamed } = await bothWays(db, {
      incidentIds: 'all',
      kader,
      includeNetwork: true,
      backup: true,
    });
    expect(streamed.artifact.fileName).toBe('handelingskader-backup-2026-03-04.json');
    expect(JSON.parse(text).network).toHaveLength(1);
    expect(text).toBe(expected);
    db.close();
  }, 30_000);

  it('compresses past 1 MB to the same text, named .json.gz', async () => {
    const { db, kader } = await manyIncidents(60, 'buurtbewoners gesproken, ramen vervangen. '.repeat(500));
    const { text, expected, streamed } = await bothWays(db, { incidentIds: 'all', kader });
    expect(expected.length).toBeGreaterThan(COMPRESS_ABOVE_CHARS);
    expect(streamed.artifact.mimeType).toBe('application/gzip');
    expect(streamed.artifact.fileName).toBe('handelingskader-60-incidenten-utrecht-2026-03-04.json.gz');
    expect(text).toBe(expected);
    db.close();
  }, 60_000);

  describe('with the compression in a worker', () => {
    type Reply = { kind: 'done'; bytes: Uint8Array } | { kind: 'failed'; message: string };
    /** Stands in for the browser's Worker: same messages, the compression done in this thread. */
    class FakeWorker {
      static started: FakeWorker[] = [];
      static fails = false;
      onmessage: ((event: { data: Reply }) => void) | null = null;
      onerror: ((event: { message?: string }) => void) | null = null;
      onmessageerror: (() => void) | null = null;
      terminated = false;
      private readonly sink = gzipSinkInThisThread();
      constructor(readonly url: URL) {
        FakeWorker.started.push(this);
      }
      postMessage(request: { kind: 'text'; text: string } | { kind: 'end' }) {
        // A script that does not load reports a plain error event, without a message.
        if (FakeWorker.fails) return void setTimeout(() => this.onerror?.({}), 0);
        if (request.kind === 'text') return this.sink.write(request.text);
        void this.sink.close().then((bytes) => this.onmessage?.({ data: { kind: 'done', bytes } }));
      }
      terminate() {
        this.terminated = true;
      }
    }

    beforeEach(() => {
      FakeWorker.started = [];
      FakeWorker.fails = false;
      vi.stubGlobal('Worker', FakeWorker);
    });
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('gets the text in pieces, gives the same file, and is ended after it', async () => {
      const { db, kader } = await manyIncidents(60, 'buurtbewoners gesproken, ramen vervangen. '.repeat(500));
      const { text, expected, streamed } = await bothWays(db, { incidentIds: 'all', kader });
      expect(streamed.artifact.mimeType).toBe('application/gzip');
      expect(text).toBe(expected);
      expect(FakeWorker.started).toHaveLength(1);
      expect(FakeWorker.started[0]!.url.pathname).toMatch(/gzip-worker\.ts$/);
      expect(FakeWorker.started[0]!.terminated).toBe(true);
      db.close();
    }, 60_000);

    it('still gives the same file, compressed here, when the worker does not start', async () => {
      FakeWorker.fails = true;
      const { db, kader } = await manyIncidents(60, 'buurtbewoners gesproken, ramen vervangen. '.repeat(500));
      const { text, expected, streamed } = await bothWays(db, { incidentIds: 'all', kader });
      expect(FakeWorker.started).toHaveLength(1);
      expect(FakeWorker.started[0]!.terminated).toBe(true);
      expect(streamed.artifact.mimeType).toBe('application/gzip');
      expect(text).toBe(expected);
      db.close();
    }, 60_000);
  });

  it('fails with a storage error, not a partial file, when a read fails halfway', async () => {
    const { db, kader } = await manyIncidents(160);
    const bulkGet = db.logs.bulkGet.bind(db.logs);
    let calls = 0;
    db.logs.bulkGet = ((keys: string[]) => {
      calls += 1;
      if (calls === 3) return Promise.reject(new DOMException('disk gone', 'UnknownError'));
      return bulkGet(keys);
    }) as typeof db.logs.bulkGet;
    await expect(createExportArtifact(db, { incidentIds: 'all', kader, now })).rejects.toBeInstanceOf(StorageError);
    db.close();
  }, 60_000);
});
