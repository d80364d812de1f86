import { describe, expect, it } from 'vitest';
import { readAllEvents } from '../../../src/db/event-log.ts';
import { createBackup } from '../../../src/exchange/export/backup.ts';
import { exportIncidents, serialiseExport } from '../../../src/exchange/export/export.ts';
import { applyImport } from '../../../src/exchange/import/import-apply.ts';
import { readImportFile } from '../../../src/exchange/import/read-import.ts';
import { commandsFor, freshDatabase, homeAt, realKader } from '../incidents/helpers.ts';
import { artifactText } from '../support/artifact.ts';

const asFile = (text: string) => ({ size: text.length, text: async () => text });

describe('a backup that holds an own incident and its anonymised copy from the network', () => {
  it('restores both on a new device', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
    await commands.addLogEntry(incidentId, 'Buurman gesproken');
    // The adviser imported the network's anonymised file, which contains their own incident.
    const anonymised = await exportIncidents(db, { incidentIds: [incidentId], anonymise: {}, kader: realKader() });
    const read = await readImportFile(asFile(serialiseExport(anonymised)));
    if (!read.ok) throw new Error(read.message);
    expect((await applyImport(db, read.file)).ok).toBe(true);

    const backup = await createBackup(db, { kader: realKader() });
    const restored = await readImportFile(asFile(await artifactText(backup)));
    expect(restored.ok ? 'ok' : restored.message).toBe('ok');
    if (!restored.ok) return;
    const target = freshDatabase();
    const applied = await applyImport(target, restored.file, { kader: realKader() });
    expect(applied.ok).toBe(true);
    expect((await readAllEvents(target)).map((e) => e.id).sort()).toEqual(
      (await readAllEvents(db)).map((e) => e.id).sort(),
    );
    expect(await target.networkIncidents.count()).toBe(1);
  });
});
