import { describe, expect, it } from 'vitest';
import { exportIncidents } from '../../../src/exchange/export/export.ts';
import { createExportArtifact } from '../../../src/exchange/export/export-artifact.ts';
import { applyImport } from '../../../src/exchange/import/import-apply.ts';
import { readImportFile } from '../../../src/exchange/import/read-import.ts';
import { readIncidentState } from '../../../src/incidents/store/queries.ts';
import { refreshProjections } from '../../../src/incidents/store/refresh-projections.ts';
import { overlayLocalLayer } from '../../../src/local/domain/overlay.ts';
import { commandsFor, freshDatabase, homeAt, realKader } from '../incidents/helpers.ts';
import { artifactText } from '../support/artifact.ts';
import { emptyLayer, localStep } from './local-fixtures.ts';

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

describe('list rows after a change of the local layer', () => {
  it('are projected again, counting the local steps of the new revision', async () => {
    const national = realKader();
    const db = freshDatabase();
    const commands = commandsFor(db, { kader: () => national });
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '1'), 'direct-na', national.version);
    const total = async () => (await db.incidents.get(incidentId))?.progress['direct-na']?.applicable;
    const before = await total();
    // One local step for every home: the woning target of localStep counts for this incident.
    const layer = {
      ...emptyLayer(),
      revision: 4,
      steps: [{ ...localStep('direct-na', 'buurtapp'), timeWindow: 'eerste-uur' as const }],
    };
    const overlaid = overlayLocalLayer(national, layer).kader;
    expect(await refreshProjections(db, overlaid, { municipalityCode: 'gm0363', revision: 4 })).toBe(1);
    expect(await total()).toBe(before! + 1);
    expect(await refreshProjections(db, overlaid, { municipalityCode: 'gm0363', revision: 4 })).toBe(0);
    expect(await refreshProjections(db, overlaid, { municipalityCode: 'gm0363', revision: 5 })).toBe(1);
  });
});
