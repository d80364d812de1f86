import { afterEach, describe, expect, it } from 'vitest';
import { dataKey } from '../../../src/db/data-key.ts';
import { readAllEvents } from '../../../src/db/event-log.ts';
import { createBackup } from '../../../src/exchange/export/backup.ts';
import { exportIncidents, serialiseExport } from '../../../src/exchange/export/export.ts';
import { applyImport } from '../../../src/exchange/import/import-apply.ts';
import { previewImport } from '../../../src/exchange/import/import-preview.ts';
import { listNetworkIncidents } from '../../../src/exchange/import/network.ts';
import { readImportFile } from '../../../src/exchange/import/read-import.ts';
import { setUpLock } from '../../../src/lock/lock-service.ts';
import { commandsFor, freshDatabase, homeAt, realKader } from '../incidents/helpers.ts';
import { artifactText } from '../support/artifact.ts';
import { everythingStored, FAST, PASSPHRASE, rawRows } from './lock-support.ts';

const asFile = (text: string) => ({ size: text.length, text: async () => text });

afterEach(() => dataKey.configure(false));

/** Import, preview, network incidents and backup read and write through the sealing layer like everything else. */
describe('exchange on an encrypted database', () => {
  it('imports the network, backs up and restores, with every row sealed on both devices', async () => {
    const db = freshDatabase();
    await setUpLock(db, PASSPHRASE, FAST);
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
    await commands.addLogEntry(incidentId, 'Buurman Zwiebel gesproken');
    const anonymised = await exportIncidents(db, { incidentIds: [incidentId], anonymise: {}, kader: realKader() });
    const read = await readImportFile(asFile(serialiseExport(anonymised)));
    if (!read.ok) throw new Error(read.message);
    const preview = await previewImport(db, read.file);
    expect(preview.ok).toBe(true);
    expect((await applyImport(db, read.file)).ok).toBe(true);
    expect(await listNetworkIncidents(db)).toHaveLength(1);
    const [networkRow] = await rawRows(db, 'networkIncidents');
    expect(Object.keys(networkRow!).sort()).toEqual(['id', 'importedAt', 'municipality', 'sealed']);

    const backup = await createBackup(db, { kader: realKader() });
    const text = await artifactText(backup);
    expect(text).toContain('Buurman Zwiebel gesproken');

    // Another device with its own lock (a new data key replaces this one in memory).
    const target = freshDatabase();
    await setUpLock(target, 'een andere wachtzin', FAST);
    const restored = await readImportFile(asFile(text));
    if (!restored.ok) throw new Error(restored.message);
    expect((await applyImport(target, restored.file, { kader: realKader() })).ok).toBe(true);
    expect(JSON.stringify(await readAllEvents(target))).toContain('Buurman Zwiebel gesproken');
    expect(await target.networkIncidents.count()).toBe(1);
    expect(await everythingStored(target)).not.toContain('Zwiebel');
  });
});
