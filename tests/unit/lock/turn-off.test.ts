import { afterEach, describe, expect, it } from 'vitest';
import { dataKey, KEYED_ADDRESS_PREFIX } from '../../../src/db/data-key.ts';
import type { AppDatabase } from '../../../src/db/database.ts';
import { readAllEvents } from '../../../src/db/event-log.ts';
import { SEALED_TABLES } from '../../../src/db/sealing-middleware.ts';
import { getActorName, setActorName } from '../../../src/db/settings.ts';
import { readIncidentState } from '../../../src/incidents/store/queries.ts';
import { changePassphrase, lockNow, setUpLock, turnOffLock, unlock } from '../../../src/lock/lock-service.ts';
import { continueMigration, migrationPending } from '../../../src/lock/migrate.ts';
import { addressKeyOf } from '../../../src/model/address-key.ts';
import { commandsFor, freshDatabase, homeAt, realKader } from '../incidents/helpers.ts';
import { prng as seeded } from '../support/prng.ts';
import { FAST, PASSPHRASE, rawRows } from './lock-support.ts';

afterEach(() => dataKey.configure(false));

/** A locked database with 8 incidents (taps as appended rows, notes), every row sealed. */
async function sealedDatabase(): Promise<{ db: AppDatabase; ids: string[] }> {
  const db = freshDatabase();
  dataKey.configure(false);
  await setUpLock(db, PASSPHRASE, FAST);
  await continueMigration(db);
  await setActorName('Adviseur Ontsleutel', db);
  const commands = commandsFor(db);
  const steps = realKader().phases.find((p) => p.id === 'direct-na')!.steps;
  const ids: string[] = [];
  for (let i = 0; i < 8; i++) {
    const { incidentId } = await commands.createIncident(homeAt('3512AB', String(i + 1)), 'direct-na', '2026.1');
    await commands.addLogEntry(incidentId, `geheime-log-${i}`);
    await commands.setStepStatus(incidentId, steps[0]!.id, 'gedaan');
    ids.push(incidentId);
  }
  return { db, ids };
}

/** Rows of any sealed table that are still sealed, and list rows whose address index is still keyed. */
async function sealedRowsLeft(db: AppDatabase): Promise<string[]> {
  const left: string[] = [];
  for (const table of SEALED_TABLES) {
    for (const row of await rawRows(db, table))
      if ('sealed' in row) left.push(`${table}: ${JSON.stringify(row).slice(0, 60)}`);
  }
  for (const row of await rawRows(db, 'incidents')) {
    if (String(row.addressKey ?? '').startsWith(KEYED_ADDRESS_PREFIX)) left.push(`incidents: keyed address ${row.id}`);
  }
  return left;
}

const sortById = <T extends { id: string }>(events: T[]) => [...events].sort((a, b) => a.id.localeCompare(b.id));

describe('turning the lock off', () => {
  it('needs the passphrase: a wrong one changes nothing and counts as a failed attempt', async () => {
    const { db } = await sealedDatabase();
    const before = await rawRows(db, 'logs');
    const result = await turnOffLock(db, 'verkeerde wachtzin');
    expect(result).toMatchObject({ ok: false, message: 'De wachtzin klopt niet. Er is niets gewijzigd.' });
    expect(await migrationPending(db)).toBe(false);
    expect(await rawRows(db, 'logs')).toEqual(before);
    expect((await rawRows(db, 'keyring'))[0]).toMatchObject({ failures: 1 });
    expect(dataKey.sealsWrites()).toBe(true);
  });

  it('decrypts every row in place, gives the address index back its plain key, and removes the key', async () => {
    const { db, ids } = await sealedDatabase();
    const events = sortById(await readAllEvents(db));
    expect(await sealedRowsLeft(db)).not.toEqual([]);
    expect((await turnOffLock(db, PASSPHRASE)).ok).toBe(true);
    // Written between the mark and the run: already plain.
    await commandsFor(db).addLogEntry(ids[0]!, 'tussendoor');
    await continueMigration(db);

    expect(dataKey.status()).toBe('off');
    expect(await rawRows(db, 'keyring')).toEqual([]);
    expect(await sealedRowsLeft(db)).toEqual([]);
    const after = sortById(await readAllEvents(db));
    expect(after.filter((e) => !events.some((b) => b.id === e.id)).map((e) => e.payload)).toEqual([
      { text: 'tussendoor' },
    ]);
    expect(await getActorName(db)).toBe('Adviseur Ontsleutel');
    const rows = await rawRows(db, 'incidents');
    expect(rows.find((row) => row.id === ids[2])?.addressKey).toBe(
      addressKeyOf({ postcode: '3512AB', houseNumber: '3' }),
    );
    // The repeat-attack lookup works on the plain index again.
    const again = await commandsFor(db).createIncident(homeAt('3512 ab', '3'), 'direct-na', '2026.1');
    expect(again.linkedIncidentIds).toEqual([ids[2]]);
  });

  it('recomputes a plain address key that an older seal did not keep', async () => {
    const { db, ids } = await sealedDatabase();
    // As rows sealed before the plain key went inside the seal: written with the keyed value, the seal lacks the plain one.
    const keyed = String((await rawRows(db, 'incidents')).find((row) => row.id === ids[4])!.addressKey);
    await db.incidents.put({ ...(await db.incidents.get(ids[4]!))!, addressKey: keyed });
    expect((await db.incidents.get(ids[4]!))?.addressKey).toBe(keyed);

    expect((await turnOffLock(db, PASSPHRASE)).ok).toBe(true);
    await continueMigration(db);
    const row = (await rawRows(db, 'incidents')).find((r) => r.id === ids[4]);
    expect(row?.addressKey).toBe(addressKeyOf({ postcode: '3512AB', houseNumber: '5' }));
  });

  it('survives interruption at random points: readable in between, nothing sealed and no key at the end', async () => {
    const random = seeded(61);
    for (let run = 0; run < 3; run++) {
      const { db, ids } = await sealedDatabase();
      const before = sortById(await readAllEvents(db));
      expect((await turnOffLock(db, PASSPHRASE)).ok).toBe(true);
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
        if (killed) {
          // The tab died: the next start is locked, and the passphrase lets the run go on.
          lockNow();
          expect((await unlock(db, PASSPHRASE)).ok).toBe(true);
          expect(dataKey.sealsWrites()).toBe(false);
          expect(sortById(await readAllEvents(db))).toEqual(before);
        }
        expect(attempts).toBeLessThan(200);
      }
      expect(dataKey.status()).toBe('off');
      expect(await sealedRowsLeft(db)).toEqual([]);
      expect(await rawRows(db, 'keyring')).toEqual([]);
      expect(sortById(await readAllEvents(db))).toEqual(before);
      for (const id of ids) expect((await readIncidentState(id, db))?.id).toBe(id);
    }
  }, 60_000);

  it('changing the passphrase re-wraps the key only: no sealed row changes', async () => {
    const { db, ids } = await sealedDatabase();
    const tables = Object.fromEntries(await Promise.all(SEALED_TABLES.map(async (t) => [t, await rawRows(db, t)])));
    const [keyringBefore] = await rawRows(db, 'keyring');
    expect((await changePassphrase(db, PASSPHRASE, 'een heel andere wachtzin', FAST)).ok).toBe(true);
    for (const table of SEALED_TABLES) expect(await rawRows(db, table)).toEqual(tables[table]);
    const [keyringAfter] = await rawRows(db, 'keyring');
    expect(keyringAfter?.passphrase).not.toEqual(keyringBefore?.passphrase);
    lockNow();
    expect((await unlock(db, PASSPHRASE)).ok).toBe(false);
    expect((await unlock(db, 'een heel andere wachtzin')).ok).toBe(true);
    expect((await readIncidentState(ids[0]!, db))?.id).toBe(ids[0]);
  });
});
