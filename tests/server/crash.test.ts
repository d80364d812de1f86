import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer } from '../../server/bench/child-server.ts';
import { DeviceClient } from '../../server/bench/device-client.ts';
import type { Database } from '../../server/store/database.ts';
import { createInvite, createTeam } from '../../server/store/invites-store.ts';
import { openDatabase } from '../../server/store/open-database.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from './support/engines.ts';
import { incidentLog, newId } from './support/fixtures.ts';

/** PGlite allows one process per data folder: the parent opens it only while no child runs. */
async function withDb<T>(t: TestDatabase, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ databaseUrl: t.env.DATABASE_URL, dataDir: t.env.DATA_DIR });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

describe.each(ENGINES)('kill -9 of the server during a push, on %s', (engine) => {
  let t: TestDatabase;
  let code: string;
  beforeAll(async () => {
    t = await createTestDatabase(engine, { open: false });
    code = await withDb(
      t,
      async (db) => (await createInvite(db, await createTeam(db, 'Gemeente Crash'), 'adviseur', undefined)).code,
    );
  });
  afterAll(() => t.drop());

  it('after a retry every event is stored exactly once', async () => {
    const env = t.env as Record<string, string>;
    let server = await startChildServer(env);
    const deviceId = newId();
    const redeemed = await fetch(`${server.origin}/api/sync/v1/invites/redeem`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceId, name: 'Telefoon' }),
    });
    const { token } = (await redeemed.json()) as { token: string };
    const pushed: string[] = [];
    let interrupted = 0;
    for (const delayMs of [0, 5, 15, 40, 80]) {
      const { events } = incidentLog(deviceId, 999);
      for (const e of events) if (e.type === 'log.entry-added') (e.payload as { text: string }).text = 'x'.repeat(500);
      pushed.push(...events.map((e) => e.id as string));
      const device = new DeviceClient(server.origin, token);
      const attempt = device.push(events).catch(() => 'interrupted' as const);
      await new Promise((r) => setTimeout(r, delayMs));
      await server.kill9();
      if ((await attempt) === 'interrupted') interrupted++;
      server = await startChildServer(env);
      const retry = await new DeviceClient(server.origin, token).push(events);
      expect(retry.status).toBe(200);
      const body = retry.body as { inserted: number; duplicates: number };
      expect(body.inserted + body.duplicates).toBe(1000);
      expect([0, 1000]).toContain(body.inserted);
    }
    await server.stop();
    // Most kills land while the request is in flight; otherwise the test would prove little.
    expect(interrupted).toBeGreaterThanOrEqual(3);
    await withDb(t, async (db) => {
      const { rows } = await db.query<{ id: string }>('SELECT id FROM events');
      expect(rows.length).toBe(pushed.length);
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set(pushed));
    });
  }, 120_000);
});
