import { describe, expect, it } from 'vitest';
import { buildDossier } from '../../../src/exchange/export/dossier.ts';
import { readIncidentEvents, readIncidentState } from '../../../src/incidents/store/queries.ts';
import { nationalTextHashes } from '../../../src/local/domain/national-text.ts';
import { overlayLocalLayer } from '../../../src/local/domain/overlay.ts';
import type { LocalLayer } from '../../../src/model/local-layer.ts';
import { commandsFor, freshDatabase, homeAt } from '../incidents/helpers.ts';
import { SMALL_KADER } from '../incidents/small-kader.ts';

const LOCAL_STEP = 'direct-na.gm0599-buurtapp';

const layer: LocalLayer = {
  municipalityCode: 'gm0599',
  municipality: 'Rotterdam',
  revision: 4,
  contacts: [],
  steps: [
    {
      id: LOCAL_STEP,
      phase: 'direct-na',
      after: 'direct-na.uur-a',
      title: 'Informeer de buurtapp',
      what: 'Vraag om geruchten.',
      why: 'Vroeg horen wat leeft.',
      kind: 'praktisch',
      actor: 'Wijkregisseur',
      targets: ['woning'],
      partners: [],
      contacts: [],
      sources: [],
    },
  ],
  annotations: [
    {
      targetId: 'direct-na.uur-b',
      note: 'Bel eerst de huismeester.',
      contacts: [],
      nationalTextHash: nationalTextHashes(SMALL_KADER)('direct-na.uur-b')!,
    },
  ],
  notApplicable: [],
  origins: [],
};

describe('the dossier of an incident with a local layer', () => {
  it('shows the local steps done, the notes on the steps used and the revision the incident started with', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const { kader, view } = overlayLocalLayer(SMALL_KADER, layer);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '1'), 'direct-na', 'test', {
      municipalityCode: 'gm0599',
      revision: 3,
    });
    await commands.setStepStatus(incidentId, LOCAL_STEP, 'gedaan');
    await commands.setStepStatus(incidentId, 'direct-na.uur-b', 'gedaan');
    const dossier = buildDossier(
      (await readIncidentState(incidentId, db))!,
      kader,
      await readIncidentEvents(incidentId, db),
      { ...view, revision: 4 },
    );
    const steps = dossier.phases.find((phase) => phase.id === 'direct-na')!.steps;
    expect(steps.find((step) => step.id === LOCAL_STEP)).toMatchObject({
      title: 'Informeer de buurtapp',
      status: 'gedaan',
      local: true,
    });
    expect(steps.find((step) => step.id === 'direct-na.uur-b')).toMatchObject({
      localNote: 'Bel eerst de huismeester.',
    });
    expect(steps.find((step) => step.id === 'direct-na.uur-a')?.local).toBeUndefined();
    expect(dossier.localLayer).toEqual({
      startedWith: { municipalityCode: 'gm0599', revision: 3 },
      printedWith: { municipality: 'Rotterdam', municipalityCode: 'gm0599', revision: 4 },
    });
  });

  it('says nothing about a local layer where there was none', async () => {
    const db = freshDatabase();
    const { incidentId } = await commandsFor(db).createIncident(homeAt('3512AB', '1'), 'direct-na', 'test');
    const dossier = buildDossier(
      (await readIncidentState(incidentId, db))!,
      SMALL_KADER,
      await readIncidentEvents(incidentId, db),
    );
    expect(dossier.localLayer).toBeUndefined();
    expect(dossier.phases.flatMap((phase) => phase.steps).some((step) => step.local || step.localNote)).toBe(false);
  });
});
