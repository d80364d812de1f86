import { describe, expect, it } from 'vitest';
import { exportIncidents } from '../../../src/exchange/export/export.ts';
import { createExportArtifact } from '../../../src/exchange/export/export-artifact.ts';
import { applyImport } from '../../../src/exchange/import/import-apply.ts';
import { readImportFile } from '../../../src/exchange/import/read-import.ts';
import { readIncidentState } from '../../../src/incidents/store/queries.ts';
import { commandsFor, freshDatabase, homeAt, realKader } from '../incidents/helpers.ts';
import { artifactText } from '../support/artifact.ts';

const textFile = (text: string) => ({ size: new TextEncoder().encode(text).length, text: async () => text });

describe('an incident started with a local layer', () => {
  it('records the layer and revision, and its local steps travel through a file of the same content version', async () => {
    const kader = realKader();
    const source = freshDatabase();
    const commands = commandsFor(source, { kader: () => kader });
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', kader.version, {
      municipalityCode: 'gm0363',
      revision: 7,
    });
    await commands.setStepStatus(incidentId, 'direct-na.gm0363-buurtapp-beheerders', 'gedaan');
    expect((await readIncidentState(incidentId, source))?.localLayer).toEqual({
      municipalityCode: 'gm0363',
      revision: 7,
    });

    // Its own content version: a national id the content lacks would be refused, a local one is not.
    const { artifact } = await createExportArtifact(source, { incidentIds: 'all', kader });
    const read = await readImportFile(textFile(await artifactText(artifact)));
    if (!read.ok) throw new Error(`refused: ${read.reason} ${read.detail}`);
    expect(read.file.incidents[0]!.incident.newerContentIds ?? []).toEqual([]);
    const target = freshDatabase();
    expect((await applyImport(target, read.file, { kader })).ok).toBe(true);
    const imported = await readIncidentState(incidentId, target);
    expect(imported?.localLayer).toEqual({ municipalityCode: 'gm0363', revision: 7 });
    expect(imported?.steps['direct-na.gm0363-buurtapp-beheerders']?.status).toBe('gedaan');

    // A made-up national id in the same file is still refused.
    const forged = (await artifactText(artifact)).replace(
      'direct-na.gm0363-buurtapp-beheerders',
      'direct-na.verzonnen',
    );
    const forgedRead = await readImportFile(textFile(forged));
    if (!forgedRead.ok) throw new Error('the forged file should pass validation');
    expect((await applyImport(freshDatabase(), forgedRead.file, { kader })).ok).toBe(false);
  });

  it('keeps the layer reference in an anonymised export (a municipality code and a number, nothing personal)', async () => {
    const kader = realKader();
    const db = freshDatabase();
    const commands = commandsFor(db, { kader: () => kader });
    await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', kader.version, {
      municipalityCode: 'gm0363',
      revision: 3,
    });
    const file = await exportIncidents(db, { incidentIds: 'all', kader, anonymise: { timePrecision: 'day' } });
    const created = file.incidents[0]!.events.find((e) => e.type === 'incident.created')!;
    expect((created.payload as { localLayer?: unknown }).localLayer).toEqual({
      municipalityCode: 'gm0363',
      revision: 3,
    });
  });
});
