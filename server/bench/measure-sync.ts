import type { Database } from '../store/database.ts';
import { DeviceClient } from './device-client.ts';
import { benchIncident } from './events.ts';
import { inviteCodes, pair } from './setup-team.ts';
import { median } from './stats.ts';

export interface SyncFigures {
  pushMs: number;
  pullMs: number;
  floorMs: number;
  liveMs: number;
}

const ROUNDS = 10;
/** The first rounds warm up the JIT, the validator and the database's caches; they are not counted. */
const WARMUP = 2;

/**
 * Push, pull and the floor for 1,000 events, through a server in this process on `db`:
 * push = one device's batch until the server answered (committed); pull = reading those
 * 1,000 back in one page; floor = one multi-row INSERT of the same events through the same
 * driver into a plain table with the same indexes, i.e. what storing costs without the
 * server (validation, checks, lock, access log, HTTP). live = a push by A until B's
 * stream shows it. Medians over rounds, after warm-up rounds.
 */
export async function measureSync(db: Database, origin: string): Promise<SyncFigures> {
  const [codeA, codeB] = await inviteCodes(db, 2);
  const a = await pair(origin, codeA!, 'a');
  const b = await pair(origin, codeB!, 'b');
  const writer = new DeviceClient(origin, a.token);
  await db.exec(`CREATE TABLE IF NOT EXISTS bench_floor (LIKE events INCLUDING DEFAULTS INCLUDING INDEXES)`);
  const push: number[] = [];
  const pull: number[] = [];
  const floor: number[] = [];
  // A fresh team: B's cursor starts before everything, and each round reads exactly the new 1,000.
  let after = '0';
  for (let round = 0; round < ROUNDS; round++) {
    const { events } = benchIncident(a.deviceId, 1000);
    const t0 = performance.now();
    const res = await writer.push(events);
    push.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`push failed: ${res.status} ${JSON.stringify(res.body)}`);

    const t1 = performance.now();
    const page = await fetch(`${origin}/api/sync/v1/events?after=${after}&limit=1000`, {
      headers: { authorization: `Bearer ${b.token}` },
    });
    const body = (await page.json()) as { changes: unknown[]; cursor: string };
    after = body.cursor;
    pull.push(performance.now() - t1);
    if (body.changes.length !== 1000) throw new Error(`pull gave ${body.changes.length}`);

    const copy = JSON.stringify(events);
    const t2 = performance.now();
    await db.query(
      `INSERT INTO bench_floor (id, incident_id, team_id, device_id, event)
       SELECT e ->> 'id', e ->> 'incidentId', 0, 0, e FROM jsonb_array_elements($1::jsonb) AS e`,
      [copy],
    );
    floor.push(performance.now() - t2);
  }
  const liveMs = await measureLive(origin, a);
  const counted = (values: number[]) => median(values.slice(WARMUP));
  return { pushMs: counted(push), pullMs: counted(pull), floorMs: counted(floor), liveMs };
}

async function measureLive(origin: string, a: { token: string; deviceId: string }): Promise<number> {
  const writer = new DeviceClient(origin, a.token);
  const watcher = new DeviceClient(origin, a.token);
  const { incidentId, events } = benchIncident(a.deviceId, 1);
  await writer.push(events);
  await watcher.startStream();
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const tap = benchIncident(a.deviceId, 2).events[1]!;
    tap.incidentId = incidentId;
    const seen = watcher.seen.length;
    const t0 = performance.now();
    await writer.push([tap]);
    await watcher.until((c) => c.seen.length > seen, 10_000);
    times.push(performance.now() - t0);
  }
  watcher.stop();
  return median(times);
}
