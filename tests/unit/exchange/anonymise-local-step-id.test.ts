import { describe, expect, it } from 'vitest';
import { exportIncidents, serialiseExport } from '../../../src/exchange/export/export.ts';
import { opaqueStepId } from '../../../src/model/local-layer.ts';
import { commandsFor, freshDatabase, homeAt } from '../incidents/helpers.ts';

describe('the anonymised export and local step ids', () => {
  it('replaces a local step id made from a title by its opaque id; the own export keeps it', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
    const named = 'direct-na.gm0363-bel-jan-jansen';
    const opaque = 'nazorg.gm0363-stap-01jd3m5w9xk2q7v8t4r6n0p1ab';
    await commands.setStepStatus(incidentId, named, 'gedaan');
    await commands.setStepStatus(incidentId, opaque, 'gedaan');
    await commands.setStepStatus(incidentId, 'direct-na.salvage-inschakelen', 'gedaan');

    const anonymised = serialiseExport(await exportIncidents(db, { incidentIds: [incidentId], anonymise: {} }));
    expect(anonymised.toLowerCase()).not.toContain('jansen');
    expect(anonymised).toContain(`"${opaqueStepId(named)}"`);
    expect(opaqueStepId(named)).toMatch(/^direct-na\.gm0363-stap-[0-9a-f]{20}$/);
    expect(anonymised).toContain(`"${opaque}"`);
    expect(anonymised).toContain('"direct-na.salvage-inschakelen"');

    const own = serialiseExport(await exportIncidents(db, { incidentIds: [incidentId] }));
    expect(own).toContain(`"${named}"`);
  });
});
