import { describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../src/db/database.ts';
import { readAllEvents } from '../../../src/db/event-log.ts';
import { exportIncidents } from '../../../src/exchange/export/export.ts';
import { createExportArtifact, toArtifact } from '../../../src/exchange/export/export-artifact.ts';
import { MIN_ITERATIONS } from '../../../src/exchange/format/encryption.ts';
import { applyImport } from '../../../src/exchange/import/import-apply.ts';
import { readImportFile } from '../../../src/exchange/import/read-import.ts';
import { foldIncident } from '../../../src/incidents/domain/fold.ts';
import { projectIncident } from '../../../src/incidents/domain/projection.ts';
import { compareEvents } from '../../../src/model/events.ts';
import { commandsFor, freshDatabase, homeAt, realKader } from '../incidents/helpers.ts';
import { artifactText } from '../support/artifact.ts';
import { runRandomHistory } from '../support/random-history.ts';

const textFile = (text: string) => ({ size: new TextEncoder().encode(text).length, text: async () => text });

async function ownData(db: AppDatabase) {
  return {
    events: (await readAllEvents(db)).sort(compareEvents),
    incidents: (await db.incidents.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

async function roundTrip(source: AppDatabase, passphrase?: string) {
  const kader = realKader();
  // Random histories name steps and instruments this content does not have; a file may
  // do so only when it comes from another content version (an own-version file is refused).
  const { artifact } = await createExportArtifact(source, {
    incidentIds: 'all',
    kader: { ...kader, version: `${kader.version}-nieuwer` },
    ...(passphrase ? { passphrase } : {}),
  });
  const target = freshDatabase();
  const read = await readImportFile(textFile(await artifactText(artifact)), passphrase ? { passphrase } : {});
  if (!read.ok) throw new Error(`refused: ${read.reason} ${read.detail}`);
  expect(read.encrypted).toBe(Boolean(passphrase));
  const applied = await applyImport(target, read.file, { kader });
  expect(applied.ok).toBe(true);
  return target;
}

describe('export then import into an empty device', () => {
  it('gives the same events and the same list rows, for many random histories', async () => {
    let events = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const source = freshDatabase();
      await runRandomHistory(source, seed);
      const target = await roundTrip(source);
      const before = await ownData(source);
      events += before.events.length;
      expect(await ownData(target), `seed ${seed}`).toEqual(before);
      source.close();
      target.close();
    }
    expect(events).toBeGreaterThan(200);
  }, 120_000);

  it('does the same through an encrypted file with the full 600,000 PBKDF2 iterations', async () => {
    const source = freshDatabase();
    await runRandomHistory(source, 99, { steps: 40 });
    const file = await exportIncidents(source, { incidentIds: 'all', kader: realKader() });
    const envelope = JSON.parse(await artifactText(await toArtifact(file, { passphrase: 'correct paard batterij' })));
    expect(envelope.kdf.iterations).toBeGreaterThanOrEqual(MIN_ITERATIONS);
    expect(JSON.stringify(envelope)).not.toContain(file.incidents[0]!.incident.id);
    const target = await roundTrip(source, 'correct paard batterij');
    expect(await ownData(target)).toEqual(await ownData(source));
  }, 30_000);

  it('refuses to decrypt a file made with fewer than 600,000 iterations', async () => {
    const source = freshDatabase();
    await runRandomHistory(source, 7, { steps: 5 });
    const file = await exportIncidents(source, { incidentIds: 'all' });
    const weak = await toArtifact(file, { passphrase: 'geheim', iterations: MIN_ITERATIONS - 1 });
    const read = await readImportFile(textFile(await artifactText(weak)), { passphrase: 'geheim' });
    expect(read).toMatchObject({ ok: false, reason: 'unsafe-parameters' });
  });
});

describe('an export of more incidents than one read chunk holds', () => {
  it('has every incident once, its own events, a summary equal to the fold, and a selection in its order', async () => {
    const db = freshDatabase();
    const kader = realKader();
    const commands = commandsFor(db, { kader: () => kader });
    const ids: string[] = [];
    for (let i = 0; i < 70; i++) {
      const { incidentId } = await commands.createIncident(homeAt('3512AB', String(i + 1)), 'direct-na', kader.version);
      if (i % 3 === 0) await commands.addLogEntry(incidentId, `regel ${i}`);
      ids.push(incidentId);
    }
    const all = await exportIncidents(db, { incidentIds: 'all', kader });
    expect(all.incidents.map(({ incident }) => incident.id).sort()).toEqual([...ids].sort());
    for (const { incident, events } of all.incidents) {
      expect(events.every((event) => event.incidentId === incident.id)).toBe(true);
      const state = foldIncident(events)!;
      expect(incident).toEqual(JSON.parse(JSON.stringify(projectIncident(state, kader))));
    }
    const picked = [ids[50]!, ids[3]!, ids[50]!, ids[69]!, 'onbekend'];
    const some = await exportIncidents(db, { incidentIds: picked, kader });
    expect(some.incidents.map(({ incident }) => incident.id)).toEqual([ids[50], ids[3], ids[69]]);
    db.close();
  }, 60_000);
});

describe('a large export', () => {
  it('is gzip-compressed, named .json.gz, and imports back to the same data', async () => {
    const source = freshDatabase();
    const kader = realKader();
    const commands = commandsFor(source, { kader: () => kader });
    for (let i = 0; i < 30; i++) {
      const { incidentId } = await commands.createIncident(homeAt('3512AB', String(i + 1)), 'direct-na', kader.version);
      await commands.addLogEntry(
        incidentId,
        `Verslag ${i}: ${'buurtbewoners gesproken, ramen vervangen. '.repeat(1000)}`,
      );
    }
    const file = await exportIncidents(source, { incidentIds: 'all', kader });
    const artifact = await toArtifact(file);
    const text = await artifactText(artifact);
    expect(text.length).toBeGreaterThan(1024 * 1024);
    expect(artifact.mimeType).toBe('application/gzip');
    expect(artifact.fileName).toMatch(/\.json\.gz$/);
    const bytes = artifact.body as Uint8Array<ArrayBuffer>;
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(bytes.byteLength).toBeLessThan(text.length / 10);

    const read = await readImportFile({
      size: bytes.byteLength,
      text: async () => new TextDecoder().decode(bytes),
      arrayBuffer: async () => bytes.slice().buffer,
    });
    if (!read.ok) throw new Error(`refused: ${read.reason} ${read.detail}`);
    const target = freshDatabase();
    expect((await applyImport(target, read.file, { kader })).ok).toBe(true);
    expect(await ownData(target)).toEqual(await ownData(source));

    const small = await toArtifact(await exportIncidents(source, { incidentIds: [file.incidents[0]!.incident.id] }));
    expect(small.mimeType).toBe('application/json');
    expect(typeof small.body).toBe('string');
    source.close();
    target.close();
  }, 60_000);
});
