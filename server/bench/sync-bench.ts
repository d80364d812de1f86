// `npm run bench` (step "sync"), or alone: `npx tsx server/bench/sync-bench.ts`.
// For PGlite and for a throwaway PostgreSQL 15 cluster (with fsync, as in production):
// push/pull/floor of 1,000 events, live latency, and the load of issue 13.
// Prints one JSON object per line; never asserts on time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../http/app.ts';
import type { Database } from '../store/database.ts';
import { openDatabase } from '../store/open-database.ts';
import { startChildServer } from './child-server.ts';
import { measureLoad } from './measure-load.ts';
import { measureSync } from './measure-sync.ts';
import { startCluster } from './pg-cluster.ts';
import { inviteCodes, pair } from './setup-team.ts';
import { emit } from './stats.ts';

const DEVICES = 20;
const EVENTS_PER_DEVICE = 500;

async function benchEngine(engine: 'pglite' | 'postgres', open: () => Promise<Database>, env: Record<string, string>) {
  const db = await open();
  const app = await buildApp({ db, publicUrl: 'http://localhost', rateLimitPerMinute: 1_000_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const f = await measureSync(db, origin);
  await app.close();
  emit('sync_push_1000_ms', f.pushMs, 'ms', { engine });
  emit('sync_pull_1000_ms', f.pullMs, 'ms', { engine });
  emit('sync_floor_1000_ms', f.floorMs, 'ms', { engine });
  emit('sync_push_ratio', f.pushMs / f.floorMs, 'x floor', { engine });
  emit('sync_live_ms', f.liveMs, 'ms', { engine });

  // The load runs against a server in its own process, so its memory is the server's alone.
  const codes = await inviteCodes(db, DEVICES);
  await db.close();
  const server = await startChildServer(env);
  try {
    const devices = await Promise.all(codes.map((code, i) => pair(server.origin, code, `apparaat-${i}`)));
    const load = await measureLoad(server, devices, EVENTS_PER_DEVICE);
    emit('sync_load_push_p50_ms', load.pushP50Ms, 'ms', { engine, devices: DEVICES, batch: 50 });
    emit('sync_load_push_p95_ms', load.pushP95Ms, 'ms', { engine, devices: DEVICES, batch: 50 });
    emit('sync_load_server_rss_mb', load.serverRssMaxMb, 'MB', { engine });
    emit('sync_load_total_ms', load.totalMs, 'ms', { engine, events: DEVICES * EVENTS_PER_DEVICE });
    emit('sync_load_delivered', load.delivered, 'events', {
      engine,
      expected: DEVICES * DEVICES * EVENTS_PER_DEVICE,
      duplicates: load.duplicates,
    });
    if (load.delivered !== DEVICES * DEVICES * EVENTS_PER_DEVICE || load.duplicates !== 0)
      throw new Error('load: not every event arrived exactly once on every member');
  } finally {
    await server.stop();
  }
}

const engines = process.argv.slice(2);
const wants = (e: string) => engines.length === 0 || engines.includes(e);

if (wants('pglite')) {
  const dir = mkdtempSync(join(tmpdir(), 'hk-bench-'));
  const dataDir = join(dir, 'data');
  try {
    await benchEngine('pglite', () => openDatabase({ dataDir }), { DATA_DIR: dataDir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (wants('postgres')) {
  const cluster = await startCluster({ fast: false });
  try {
    await benchEngine('postgres', () => openDatabase({ databaseUrl: cluster.url() }), { DATABASE_URL: cluster.url() });
  } finally {
    cluster.remove();
  }
}
