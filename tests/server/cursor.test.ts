import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../../server/store/database.ts';
import { authenticate } from '../../server/store/devices-store.ts';
import { pullChanges } from '../../server/store/pull-changes.ts';
import { pushEvents } from '../../server/store/push-events.ts';
import { lockTeamChanges } from '../../server/store/team-lock.ts';
import type { Device } from '../../server/team/roles.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from './support/engines.ts';
import { incidentLog, makeTeam, push, stepEvent, testApp } from './support/fixtures.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function insertRaw(tx: Queryable, device: Device, event: { id: string; incidentId: string }) {
  await tx.query('INSERT INTO events (id, incident_id, team_id, device_id, event) VALUES ($1, $2, $3, $4, $5::jsonb)', [
    event.id,
    event.incidentId,
    device.teamId,
    device.id,
    JSON.stringify(event),
  ]);
}

/** Follows the cursor as a device would, and returns the event ids it saw. */
async function seenAfter(db: Database, device: Device, after: string) {
  const page = await pullChanges(db, device.teamId, after);
  return { ids: page.changes.map((c) => (c.type === 'event' ? c.event.id : c.incidentId)), cursor: page.cursor };
}

describe.each(ENGINES)('the cursor on %s', (engine) => {
  let t: TestDatabase;
  let device: Device;
  let incidentId: string;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const app = await testApp(t.db);
    const team = await makeTeam(app, t.db, ['adviseur']);
    const log = incidentLog(team.members[0]!.deviceId, 0);
    await push(app, team.members[0]!, log.events);
    await app.close();
    device = await authenticate(t.db, team.members[0]!.token);
    incidentId = log.incidentId;
  });
  afterAll(() => t.drop());

  it('never skips an event when the first writer commits after the second', async () => {
    const start = (await seenAfter(t.db, device, '0')).cursor;
    const first = stepEvent(device.installationId, incidentId, 1);
    const second = stepEvent(device.installationId, incidentId, 2);
    const release = deferred();
    const inserted = deferred();
    // Writer 1 takes its number and holds its transaction open, as a slow push would.
    const slow = t.db.transaction(async (tx) => {
      await lockTeamChanges(tx, device.teamId);
      await insertRaw(tx, device, first);
      inserted.resolve();
      await release.promise;
    });
    await inserted.promise;
    // Writer 2 pushes meanwhile (on PostgreSQL a second connection; it waits for the team lock).
    const fast = pushEvents(t.db, device, [second as never]);
    await sleep(150);
    // A device pulls in the middle, then writer 1 commits, then writer 2.
    const middle = seenAfter(t.db, device, start);
    await sleep(50);
    release.resolve();
    await Promise.all([slow, fast]);
    const seenMiddle = await middle;
    const seenLater = await seenAfter(t.db, device, seenMiddle.cursor);
    expect([...seenMiddle.ids, ...seenLater.ids]).toEqual([first.id, second.id]);
  });

  it.runIf(engine === 'postgres')(
    'without the team lock the same interleaving would skip (the test can fail)',
    async () => {
      const start = (await seenAfter(t.db, device, '0')).cursor;
      const first = stepEvent(device.installationId, incidentId, 3);
      const second = stepEvent(device.installationId, incidentId, 4);
      const release = deferred();
      const inserted = deferred();
      const slow = t.db.transaction(async (tx) => {
        await insertRaw(tx, device, first);
        inserted.resolve();
        await release.promise;
      });
      await inserted.promise;
      await t.db.transaction((tx) => insertRaw(tx, device, second));
      const middle = await seenAfter(t.db, device, start);
      release.resolve();
      await slow;
      const later = await seenAfter(t.db, device, middle.cursor);
      expect(middle.ids).toEqual([second.id]);
      expect(later.ids).toEqual([]);
    },
  );

  it('many concurrent pushes and pulls: following the cursor sees every event exactly once', async () => {
    const { cursor: start } = await seenAfter(t.db, device, '0');
    const pushed: string[] = [];
    const writers = Array.from({ length: 6 }, async (_, w) => {
      for (let i = 0; i < 8; i++) {
        const batch = [stepEvent(device.installationId, incidentId, w * 100 + i)];
        pushed.push(batch[0]!.id);
        await pushEvents(t.db, device, batch as never);
      }
    });
    const seen: string[] = [];
    let cursor = start;
    let done = false;
    const reader = (async () => {
      while (!done) {
        const page = await seenAfter(t.db, device, cursor);
        seen.push(...page.ids);
        cursor = page.cursor;
      }
    })();
    await Promise.all(writers);
    done = true;
    await reader;
    seen.push(...(await seenAfter(t.db, device, cursor)).ids);
    expect(seen.length).toBe(pushed.length);
    expect(new Set(seen)).toEqual(new Set(pushed));
  });
});
