import { afterEach, describe, expect, it } from 'vitest';
import { dataKey, KEYED_ADDRESS_PREFIX } from '../../../src/db/data-key.ts';
import type { AppDatabase } from '../../../src/db/database.ts';
import { readAllEvents } from '../../../src/db/event-log.ts';
import { SEALED_TABLES } from '../../../src/db/sealing-middleware.ts';
import { getActorName, setActorName } from '../../../src/db/settings.ts';
import { readIncidentState } from '../../../src/incidents/store/queries.ts';
import { lockNow, setUpLock, unlock } from '../../../src/lock/lock-service.ts';
import { continueMigration, migrationPending } from '../../../src/lock/migrate.ts';
import { commandsFor, freshDatabase, homeAt, realKader } from '../incidents/helpers.ts';
import { prng as seeded } from '../support/prng.ts';
import { FAST, PASSPHRASE, rawRows } from './lock-support.ts';

afterEach(() => dataKey.configure(false));

/** Plain data written before any lock: 12 incidents with taps (appended rows), notes and a network-free setting. */
async function plainDatabase(): Promise<{ db: AppDatabase; ids: string[] }> {
  const db = freshDatabase();
  dataKey.configure(false);
  await setActorName('Adviseur Voorbeeld', db);
  const commands = commandsFor(db);
  const steps = realKader().phases.find((p) => p.id === 'direct-na')!.steps;
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) {
    const { incidentId } = await commands.createIncident(homeAt('3512AB', String(i + 1)), 'direct-na', '2026.1');
    await commands.addLogEntry(incidentId, `plain-log-${i}`);
    await commands.setStepStatus(incidentId, steps[0]!.id, 'gedaan');
    await commands.setStepStatus(incidentId, steps[1]!.id, 'later');
    ids.push(incidentId);
  }
  // The local layer's tables (contacts' names and numbers) came after the migration was written.
  await db.table('localLayer').put({ id: 'current', contacts: [{ name: 'Contact Voorbeeld' }] });
  await db.table('localChanges').put({ revision: 1, note: 'plain change' });
  return { db, ids };
}

/** Any row of a sealed table that still holds a personal field in the clear. */
async function plainRowsLeft(db: AppDatabase): Promise<string[]> {
  const left: string[] = [];
  // Every table the middleware seals: one added later (the local layer) is migrated too.
  for (const table of SEALED_TABLES) {
    for (const row of await rawRows(db, table)) {
      if (!('sealed' in row)) left.push(`${table}: ${JSON.stringify(row).slice(0, 80)}`);
    }
  }
  for (const row of await rawRows(db, 'incidents')) {
    if (!String(row.addressKey).startsWith(KEYED_ADDRESS_PREFIX)) left.push(`incidents: plain address key ${row.id}`);
  }
  return left;
}

/** Counts the database's transactions from here on (each step of a run is one or more). */
function countTransactions(db: AppDatabase): () => number {
  let count = 0;
  const original = db.transaction.bind(db) as (...args: unknown[]) => unknown;
  (db as { transaction: unknown }).transaction = (...args: unknown[]) => {
    count += 1;
    return original(...args);
  };
  return () => count;
}

describe('turning the lock on with data present', () => {
  it('runs once when started twice at once (two lock gates): the second start joins the first', async () => {
    const alone = await plainDatabase();
    await setUpLock(alone.db, PASSPHRASE, FAST);
    const aloneCount = countTransactions(alone.db);
    await continueMigration(alone.db);

    const { db } = await plainDatabase();
    await setUpLock(db, PASSPHRASE, FAST);
    const count = countTransactions(db);
    const seen: number[][] = [[], []];
    await Promise.all(
      [0, 1].map((gate) => continueMigration(db, { onProgress: ({ fraction }) => seen[gate]!.push(fraction) })),
    );
    expect(count()).toBe(aloneCount());
    expect(await plainRowsLeft(db)).toEqual([]);
    expect(await migrationPending(db)).toBe(false);
    // Both gates follow the one run to its last step.
    expect(seen[1]!.at(-1)).toBe(seen[0]!.at(-1));
    expect(seen[1]!.length).toBeGreaterThan(0);
  }, 30_000);

  it('seals every row, keys the address index, and reads the same afterwards', async () => {
    const { db, ids } = await plainDatabase();
    const before = await readAllEvents(db);
    expect((await plainRowsLeft(db)).length).toBeGreaterThan(0);
    await setUpLock(db, PASSPHRASE, FAST);
    expect(await migrationPending(db)).toBe(true);
    await continueMigration(db);
    expect(await migrationPending(db)).toBe(false);
    expect(await plainRowsLeft(db)).toEqual([]);
    expect(sortById(await readAllEvents(db))).toEqual(sortById(before));
    expect(await getActorName(db)).toBe('Adviseur Voorbeeld');
    const again = await commandsFor(db).createIncident(homeAt('3512AB', '1'), 'direct-na', '2026.1');
    expect(again.linkedIncidentIds).toEqual([ids[0]]);
  }, 30_000);

  it('survives interruption at random points: all readable in between, nothing plain at the end', async () => {
    const random = seeded(16);
    for (let run = 0; run < 4; run++) {
      const { db, ids } = await plainDatabase();
      const before = sortById(await readAllEvents(db));
      await setUpLock(db, PASSPHRASE, FAST);
      // Each "kill" lets a random number of chunks through, then the tab dies (the key leaves memory).
      let attempts = 0;
      while (await migrationPending(db)) {
        attempts++;
        const allowed = random.int(4);
        let chunks = 0;
        const killed = await continueMigration(db, {
          chunk: 3,
          onProgress: () => {
            if (chunks++ >= allowed) throw new Error('killed');
          },
        }).then(
          () => false,
          () => true,
        );
        // Between kills everything already stored stays readable, sealed or not yet.
        expect(sortById(await readAllEvents(db))).toEqual(before);
        if (killed) {
          lockNow();
          expect((await unlock(db, PASSPHRASE)).ok).toBe(true);
        }
        expect(attempts).toBeLessThan(200);
      }
      expect(await plainRowsLeft(db)).toEqual([]);
      expect(sortById(await readAllEvents(db))).toEqual(before);
      for (const id of ids) expect((await readIncidentState(id, db))?.id).toBe(id);
    }
  }, 60_000);
});

const sortById = <T extends { id: string }>(events: T[]) => [...events].sort((a, b) => a.id.localeCompare(b.id));
