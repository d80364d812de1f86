import { afterEach, describe, expect, it } from 'vitest';
import { dataKey } from '../../../src/db/data-key.ts';
import { open, type SealedRecord, seal } from '../../../src/db/sealed.ts';
import { setActorName } from '../../../src/db/settings.ts';
import { readIncidentState } from '../../../src/incidents/store/queries.ts';
import { lockNow, setUpLock, unlock } from '../../../src/lock/lock-service.ts';
import { commandsFor, freshDatabase, homeAt, realKader } from '../incidents/helpers.ts';
import { FAST, PASSPHRASE, rawRows } from './lock-support.ts';

/**
 * A row written again with exactly the same sealed text keeps its record (db/opened-records.ts):
 * a step tap then seals only its new event, not the list row whose title and address did not
 * change. Never the same IV for another text, another row or another key.
 */

afterEach(() => dataKey.configure(false));

const bytes = (record: unknown) => {
  const { iv, ct } = record as SealedRecord;
  return [Array.from(iv).join(','), Array.from(ct).join(',')];
};

describe('a seal of the same text again', () => {
  it('keeps the record for the same text and row, and seals anything else afresh', async () => {
    const db = freshDatabase();
    await setUpLock(db, PASSPHRASE, FAST);
    const first = seal({ title: 'Dorpsstraat 1' }, 'incidents|"a"');
    expect(bytes(seal({ title: 'Dorpsstraat 1' }, 'incidents|"a"'))).toEqual(bytes(first));

    const otherText = seal({ title: 'Dorpsstraat 2' }, 'incidents|"a"');
    const otherRow = seal({ title: 'Dorpsstraat 1' }, 'incidents|"b"');
    const ivs = [first, otherText, otherRow].map((record) => bytes(record)[0]);
    expect(new Set(ivs).size).toBe(3);
    expect(open(otherText, 'incidents|"a"')).toEqual({ title: 'Dorpsstraat 2' });
    // Back to the first text: a fresh seal, not the first record (only the last one per row is kept).
    expect(bytes(seal({ title: 'Dorpsstraat 1' }, 'incidents|"a"'))[0]).not.toBe(ivs[0]);

    const before = seal({ title: 'Kerkplein 3' }, 'incidents|"c"');
    lockNow();
    expect((await unlock(db, PASSPHRASE)).ok).toBe(true);
    // The lock forgot it: sealed again.
    expect(bytes(seal({ title: 'Kerkplein 3' }, 'incidents|"c"'))[0]).not.toBe(bytes(before)[0]);
  });

  it('leaves the list row’s sealed part as it was after a step tap, and seals it anew when the address changes', async () => {
    const db = freshDatabase();
    await setUpLock(db, PASSPHRASE, FAST);
    await setActorName('A. Jansen', db);
    const commands = commandsFor(db);
    const stepIds = realKader()
      .phases.find((phase) => phase.id === 'direct-na')!
      .steps.map((step) => step.id);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
    await commands.setStepStatus(incidentId, stepIds[0]!, 'gedaan');
    const rowBefore = (await rawRows(db, 'incidents'))[0]!;

    await commands.setStepStatus(incidentId, stepIds[1]!, 'later');
    const rowAfter = (await rawRows(db, 'incidents'))[0]!;
    expect(rowAfter.logMark).not.toBe(rowBefore.logMark);
    expect(bytes(rowAfter.sealed)).toEqual(bytes(rowBefore.sealed));
    expect((await readIncidentState(incidentId, db))?.steps[stepIds[1]!]?.status).toBe('later');

    await commands.updateDetails(incidentId, { address: { ...homeAt('3512AB', '14').address! } });
    const rowMoved = (await rawRows(db, 'incidents'))[0]!;
    expect(bytes(rowMoved.sealed)[0]).not.toBe(bytes(rowBefore.sealed)[0]);
    expect((await db.incidents.get(incidentId))?.title).toContain('14');
  });
});
