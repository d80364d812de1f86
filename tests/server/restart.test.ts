import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceClient } from '../../server/bench/device-client.ts';
import { type PgCluster, startCluster } from '../../server/bench/pg-cluster.ts';
import type { Database } from '../../server/store/database.ts';
import { openDatabase } from '../../server/store/open-database.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from './support/engines.ts';
import { incidentLog, makeTeam, stepEvent } from './support/fixtures.ts';
import { listeningApp } from './support/listening.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * PostgreSQL restarts (an upgrade, a failover) while devices hold live streams. With
 * PGlite the database lives in the server process, so its restart is the server's.
 */
describe.each(ENGINES)('the database restarts under open streams, on %s', (engine) => {
  let cluster: PgCluster | undefined;
  let t: TestDatabase | undefined;
  let db: Database;
  let app: FastifyInstance;
  let origin: string;
  let port: number;
  beforeAll(async () => {
    if (engine === 'postgres') {
      cluster = await startCluster();
      db = await openDatabase({ databaseUrl: cluster.url() });
    } else {
      t = await createTestDatabase('pglite');
      db = t.db;
    }
    ({ app, origin } = await listeningApp(db));
    port = Number(new URL(origin).port);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await t?.drop();
    cluster?.remove();
  });

  async function restartDatabase() {
    if (cluster) {
      cluster.restart();
      return;
    }
    await app.close();
    await db.close();
    db = await openDatabase({ dataDir: t!.env.DATA_DIR });
    ({ app } = await listeningApp(db, port));
  }

  it('the stream resumes from its cursor and nothing is lost or doubled', async () => {
    const { members } = await makeTeam(app, db);
    const [adviseur, meelezer] = members as [(typeof members)[0], (typeof members)[0]];
    const writer = new DeviceClient(origin, adviseur.token);
    const watcher = new DeviceClient(origin, meelezer.token);
    await watcher.startStream();
    const log = incidentLog(adviseur.deviceId, 4);
    expect((await writer.push(log.events)).status).toBe(200);
    await watcher.until((c) => c.seen.length === 5);

    await restartDatabase();
    // Pushes during and after the restart: the app retries until the server takes them.
    const later = Array.from({ length: 10 }, (_, i) => stepEvent(adviseur.deviceId, log.incidentId, 10 + i));
    for (const event of later) {
      for (;;) {
        const res = await writer.push([event]).catch(() => ({ status: 0, body: null }));
        if (res.status === 200) break;
        expect([0, 503]).toContain(res.status);
        await sleep(100);
      }
    }
    await watcher.until((c) => c.seen.length === 15, 30_000);
    const ids = watcher.seen.map((c) => c.event?.id);
    expect(new Set(ids).size).toBe(15);
    expect(ids).toEqual([...log.events, ...later].map((e) => e.id));
    // With PGlite the server itself restarted, so the client had to reconnect with its cursor.
    if (engine === 'pglite') expect(watcher.connects).toBeGreaterThanOrEqual(2);
    watcher.stop();
  }, 60_000);
});
