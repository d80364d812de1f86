import { describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../src/db/database.ts';
import { readLog } from '../../../src/db/event-log.ts';
import { getDeviceId } from '../../../src/db/settings.ts';
import { exportIncidents, serialiseExport } from '../../../src/exchange/export/export.ts';
import { applyImport } from '../../../src/exchange/import/import-apply.ts';
import { previewImport } from '../../../src/exchange/import/import-preview.ts';
import { readImportFile } from '../../../src/exchange/import/read-import.ts';
import { foreignUnacked } from '../../../src/sync/domain/outbox.ts';
import { foreignInShared, importStaysLocalText, staysLocalText } from '../../../src/sync/domain/stays-local.ts';
import { writeMembership } from '../../../src/sync/store/membership.ts';
import { shareIncident } from '../../../src/sync/store/pairing.ts';
import { countOutbox, readOutbox } from '../../../src/sync/store/push.ts';
import { commandsFor, freshDatabase, homeAt } from '../incidents/helpers.ts';

const textFile = (text: string) => ({ size: text.length, text: async () => text });

async function fileOf(db: AppDatabase) {
  const read = await readImportFile(textFile(serialiseExport(await exportIncidents(db, { incidentIds: 'all' }))));
  if (!read.ok) throw new Error(read.reason);
  return read.file;
}

describe('entries of another phone imported into a shared incident', () => {
  it('are named in the import preview as staying on this phone, and never enter the outbox', async () => {
    const phoneA = freshDatabase();
    const phoneB = freshDatabase();
    await writeMembership(phoneA, {
      teamName: 'Gemeente X',
      token: 'T'.repeat(43),
      role: 'adviseur',
      deviceName: 'Telefoon A',
      cursor: '0',
    });
    const a = commandsFor(phoneA);
    const { incidentId } = await a.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
    expect(await shareIncident(phoneA, incidentId, new Date())).toBeUndefined();
    // Phone B is outside the team: it gets the incident as a file, adds two entries, sends a file back.
    await applyImport(phoneB, await fileOf(phoneA));
    const b = commandsFor(phoneB);
    await b.addLogEntry(incidentId, 'Buurtbewoner gesproken');
    await b.addLogEntry(incidentId, 'Camerabeelden opgevraagd');
    const fromB = await fileOf(phoneB);

    const deviceA = await getDeviceId(phoneA);
    const preview = await previewImport(phoneA, fromB);
    if (!preview.ok) throw new Error(preview.reason);
    const items = foreignInShared(preview.preview.incidents, new Set([incidentId]), deviceA);
    expect(items).toEqual([{ title: preview.preview.incidents[0]!.title, count: 2 }]);
    expect(importStaysLocalText(items)).toMatch(
      /2 vastleggingen van een ander apparaat .* blijven alleen op dit apparaat/,
    );
    // Not shared here: nothing to say.
    expect(foreignInShared(preview.preview.incidents, new Set(), deviceA)).toEqual([]);

    await applyImport(phoneA, fromB);
    const outbox = await readOutbox(phoneA, deviceA);
    expect(outbox.get(incidentId)?.every((event) => event.device === deviceA)).toBe(true);
    expect(countOutbox(outbox)).toBe(1);
    const acked = new Set((await phoneA.syncIncidents.get(incidentId))?.acked);
    expect(foreignUnacked(await readLog(phoneA, incidentId), acked, deviceA)).toBe(2);
    expect(staysLocalText(2)).toMatch(/staan alleen op dit apparaat/);
    expect(staysLocalText(0)).toBeUndefined();
  });
});
