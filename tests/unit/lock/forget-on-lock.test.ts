import { afterEach, describe, expect, it } from 'vitest';
import { dataKey } from '../../../src/db/data-key.ts';
import { forgetOnLock } from '../../../src/db/forget-on-lock.ts';
import { openedRecordCount } from '../../../src/db/opened-records.ts';
import { setActorName } from '../../../src/db/settings.ts';
import { liveLog, openIncidentLog } from '../../../src/incidents/store/live-log.ts';
import { lockNow, setUpLock, unlock } from '../../../src/lock/lock-service.ts';
import { commandsFor, freshDatabase, homeAt, realKader } from '../incidents/helpers.ts';
import { FAST, PASSPHRASE } from './lock-support.ts';

afterEach(() => dataKey.configure(false));

/** Resolves once the source has a log (the live query answered). */
function firstSnapshot(source: ReturnType<typeof openIncidentLog>) {
  return new Promise<() => void>((resolve) => {
    const unsubscribe = source.subscribe(() => {
      if (source.snapshot()) resolve(unsubscribe);
    });
  });
}

describe('a lock clears what the tab holds decrypted', () => {
  it('forgets the live logs, a screen’s copy and the opened records, and reads them again after unlocking', async () => {
    const db = freshDatabase();
    await setUpLock(db, PASSPHRASE, FAST);
    await setActorName('Adviseur Geheugen', db);
    const commands = commandsFor(db);
    const stepId = realKader().phases.find((p) => p.id === 'direct-na')!.steps[0]!.id;
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '4'), 'direct-na', '2026.1');
    await commands.setStepStatus(incidentId, stepId, 'gedaan');
    const source = openIncidentLog(db, incidentId);
    const unsubscribe = await firstSnapshot(source);
    expect(liveLog.known(incidentId)?.events.length).toBeGreaterThan(1);
    expect(openedRecordCount()).toBeGreaterThan(0);

    lockNow();
    expect(liveLog.known(incidentId)).toBeUndefined();
    expect(source.snapshot()).toBeUndefined();
    expect(openedRecordCount()).toBe(0);
    unsubscribe();

    expect((await unlock(db, PASSPHRASE)).ok).toBe(true);
    // The first tap after unlocking reads the log again (the ordinary path) and is stored like any other.
    await commands.setStepStatus(incidentId, stepId, 'later');
    expect(liveLog.known(incidentId)?.events.at(-1)).toMatchObject({
      type: 'step.status-set',
      actor: 'Adviseur Geheugen',
    });
  });

  it('runs every registered forgetter, also when another tab sets up the lock, even if one fails', async () => {
    const ran: string[] = [];
    const failures: unknown[] = [];
    const onError = (error: unknown) => failures.push(error);
    process.on('uncaughtException', onError);
    const off = [
      forgetOnLock(() => ran.push('first')),
      forgetOnLock(() => {
        throw new Error('broken forgetter');
      }),
      forgetOnLock(() => ran.push('third')),
    ];
    try {
      dataKey.configure(false);
      // Another tab set up the lock: this tab had plain data in memory and now locks.
      dataKey.configure(true);
      expect(dataKey.status()).toBe('locked');
      expect(ran).toEqual(['first', 'third']);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(failures).toHaveLength(1);
    } finally {
      for (const unregister of off) unregister();
      process.off('uncaughtException', onError);
    }
  });
});
