import { describe, expect, it } from 'vitest';
import { logMark, readLog } from '../../../src/db/event-log.ts';
import { foldIncident } from '../../../src/incidents/domain/fold.ts';
import { projectIncident } from '../../../src/incidents/domain/projection.ts';
import { refreshProjections } from '../../../src/incidents/store/refresh-projections.ts';
import { commandsFor, freshDatabase, homeAt, realKader } from './helpers.ts';

describe('projecting the list rows again after a content update', () => {
  it('rewrites every row with the current content once, and again only for newer content', async () => {
    const db = freshDatabase();
    const kader = realKader();
    // Written without the content at hand: the rows have no progress yet, as after an old content version.
    const commands = commandsFor(db, { kader: () => undefined });
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const { incidentId } = await commands.createIncident(homeAt('3512AB', String(i + 1)), 'direct-na', 'oud');
      if (i % 2 === 0) await commands.setStepStatus(incidentId, kader.phases[2]!.steps[0]!.id, 'gedaan');
      ids.push(incidentId);
    }
    expect((await db.incidents.get(ids[0]!))?.progress).toEqual({});

    expect(await refreshProjections(db, kader)).toBe(60);
    for (const id of ids) {
      const events = await readLog(db, id);
      expect(await db.incidents.get(id)).toEqual({
        ...projectIncident(foldIncident(events)!, kader),
        logMark: logMark(events),
      });
    }
    expect((await db.incidents.get(ids[0]!))?.progress['direct-na']?.done).toBe(1);

    expect(await refreshProjections(db, kader)).toBe(0);
    expect(await refreshProjections(db, { ...kader, version: `${kader.version}-nieuw` })).toBe(60);
    db.close();
  }, 30_000);
});
