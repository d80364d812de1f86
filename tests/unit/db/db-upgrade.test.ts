import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../../src/db/database.ts';
import { readAllEvents } from '../../../src/db/event-log.ts';
import { LATEST_SCHEMA_VERSION } from '../../../src/db/schema-versions.ts';
import { addressKeyOf } from '../../../src/model/address-key.ts';
import fixture from '../../fixtures/db-v1.json';

/** Version 1 as it shipped, declared independently of the app's code. */
const VERSION_1_STORES = {
  events: 'id, incidentId, [incidentId+at]',
  incidents: 'id, status, updatedAt, municipality',
  settings: 'key',
  networkIncidents: 'id, importedAt, municipality',
};

async function writeVersion1Database(name: string) {
  const raw = new Dexie(name);
  raw.version(1).stores(VERSION_1_STORES);
  await raw.open();
  await raw.transaction('rw', raw.tables, async () => {
    await raw.table('events').bulkAdd(structuredClone(fixture.events));
    await raw.table('incidents').bulkAdd(structuredClone(fixture.incidents));
    await raw.table('settings').bulkAdd(structuredClone(fixture.settings));
  });
  raw.close();
}

describe('upgrading a version 1 database', () => {
  it('keeps every event intact and fills the address key of the incident rows', async () => {
    const name = `upgrade-v1-${Date.now()}`;
    await writeVersion1Database(name);

    const db = openAppDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);

    const events = await readAllEvents(db);
    expect(await db.events.count()).toBe(0);
    expect(events.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...fixture.events].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(await db.settings.toArray()).toEqual(expect.arrayContaining(fixture.settings));

    const kerkstraat = addressKeyOf({ postcode: '3512AB', houseNumber: '12A' });
    const rows = await db.incidents.toArray();
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    // "3512 ab" / "12 a" at creation and "3512AB" / "12A" after a correction: one address.
    expect(byId['01JNQ3W2A0B1C2D3E4F5G6H7J8']?.addressKey).toBe(kerkstraat);
    expect(byId['01JNR00000000000000000000A']?.addressKey).toBe(kerkstraat);
    expect(byId['01JNS00000000000000000000A']?.addressKey).toBeUndefined();
    expect(await db.incidents.where('addressKey').equals(kerkstraat!).count()).toBe(2);

    // Fields version 1 wrote are left as they were.
    for (const original of fixture.incidents) {
      expect(byId[original.id]).toMatchObject(original);
    }
    db.close();
  });

  it('the upgraded list index orders open incidents by last update', async () => {
    const name = `upgrade-v1-order-${Date.now()}`;
    await writeVersion1Database(name);
    const db = openAppDatabase(name);
    const open = await db.incidents
      .where('[status+updatedAt]')
      .between(['open', Dexie.minKey], ['open', Dexie.maxKey])
      .reverse()
      .primaryKeys();
    expect(open).toEqual(['01JNS00000000000000000000A', '01JNR00000000000000000000A']);
    db.close();
  });
});
