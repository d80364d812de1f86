import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../server/store/database.ts';
import type { Change } from '../../src/sync/domain/protocol.ts';
import { laterReceipt, type PushReceipt, receiptVerdict } from '../../src/sync/domain/push-receipt.ts';
import { ENGINES } from './support/engines.ts';
import { countEvents, incidentLog, type Member, makeTeam, push, serverOn, stepEvent } from './support/fixtures.ts';

/**
 * The cursor check (docs/sync-protocol.md, "Cursor check") and the restore of a backup:
 * a server set back to an earlier state must not make any device skip or lose an event.
 */

type Event = Record<string, unknown> & { id: string };

/**
 * The database as a backup taken when the feed stood at `seq` would bring it back: later
 * changes gone, and the sequence set back, so new pushes draw the same numbers again.
 * (Replication role `replica` lets the test past the append-only trigger, as a restore does.)
 */
async function restoreBackupAt(db: Database, seq: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SET LOCAL session_replication_role = 'replica'`);
    await tx.query('DELETE FROM events WHERE seq > $1::bigint', [seq]);
    await tx.query('DELETE FROM purges WHERE seq > $1::bigint', [seq]);
    await tx.query('DELETE FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.incident_id = i.id)');
    await tx.query(`SELECT setval('change_seq', $1::bigint)`, [seq]);
  });
}

/** A device as the protocol describes it: a cursor with its check, what it applied, its own events and acks. */
class SimulatedDevice {
  cursor = '0';
  check: string | undefined;
  readonly applied = new Map<string, number>();
  readonly own: Event[] = [];
  readonly acked = new Set<string>();
  /** The app's rule (src/sync/domain/push-receipt.ts): the newest push the feed has not brought back. */
  receipt: PushReceipt | undefined;
  restarts = 0;
  constructor(
    private readonly app: FastifyInstance,
    readonly member: Member,
  ) {}

  write(events: Event[]) {
    this.own.push(...events);
  }

  async pushOutbox() {
    const pending = this.own.filter((e) => !this.acked.has(e.id));
    if (pending.length === 0) return;
    const res = await push(this.app, this.member, pending);
    expect(res.statusCode).toBe(200);
    for (const e of pending) this.acked.add(e.id);
    const { receipt } = res.json() as { receipt: { seq: string; check: string } };
    if (BigInt(this.cursor) < BigInt(receipt.seq))
      this.receipt = laterReceipt(this.receipt, { ...receipt, incidentId: String(pending[0]!.incidentId) });
  }

  private async restart() {
    this.restarts++;
    this.cursor = '0';
    this.check = undefined;
    this.receipt = undefined;
    this.acked.clear();
    await this.pushOutbox();
  }

  /** Pulls until caught up; on `cursor-unknown` starts over and offers its own events again. */
  async pull(): Promise<void> {
    for (;;) {
      const receipt = this.receipt;
      const check = this.check ? `&check=${this.check}` : '';
      const res = await this.app.inject({
        url: `/api/sync/v1/events?after=${this.cursor}${check}`,
        headers: this.member.auth,
      });
      if (res.statusCode === 409 && res.json().error.code === 'cursor-unknown') {
        await this.restart();
        continue;
      }
      expect(res.statusCode).toBe(200);
      const page = res.json() as {
        changes: { type: string; event?: { id: string } }[];
        cursor: string;
        cursorCheck?: string;
        more: boolean;
      };
      const verdict =
        receipt && receiptVerdict(receipt, this.cursor, page.changes as unknown as Change[], page.cursor, page.more);
      if (verdict === 'lost') {
        await this.restart();
        continue;
      }
      if (verdict === 'confirmed') this.receipt = undefined;
      // The merge is a union by id: applying an event again adds nothing; count to see it is sent again.
      for (const c of page.changes) if (c.event) this.applied.set(c.event.id, (this.applied.get(c.event.id) ?? 0) + 1);
      this.cursor = page.cursor;
      this.check = page.cursorCheck;
      if (!page.more) return;
    }
  }

  async sync() {
    await this.pushOutbox();
    await this.pull();
  }
}

async function maxSeq(db: Database): Promise<string> {
  const { rows } = await db.query<{ seq: string }>(
    `SELECT coalesce(max(seq), 0)::text AS seq FROM (SELECT seq FROM events UNION ALL SELECT seq FROM purges) s`,
  );
  return rows[0]!.seq;
}

describe.each(ENGINES)('cursor check and restore on %s', (engine) => {
  const server = serverOn(engine);
  /** A team with an adviser's device A and the coordinator's B, both synced on a new incident of A. */
  async function twoDevicesOnIncident(steps: number) {
    const { coordinator, members } = await makeTeam(server.app, server.db, ['adviseur']);
    const a = new SimulatedDevice(server.app, members[0]!);
    const b = new SimulatedDevice(server.app, coordinator);
    const log = incidentLog(a.member.deviceId, steps);
    a.write(log.events as Event[]);
    await a.sync();
    await b.sync();
    return { a, b, log };
  }
  const pull = (member: Member, query: string) =>
    server.app.inject({ url: `/api/sync/v1/events?${query}`, headers: member.auth });

  it('answers a cursor with the id of the change it stands on, and refuses a check that does not match', async () => {
    const { members } = await makeTeam(server.app, server.db, ['adviseur']);
    const adviseur = members[0]!;
    const { events } = incidentLog(adviseur.deviceId, 2);
    await push(server.app, adviseur, events);
    const page = (await pull(adviseur, 'after=0')).json();
    expect(page.cursorCheck).toBe(events.at(-1)!.id);
    // Nothing new: the same cursor and check come back.
    const same = await pull(adviseur, `after=${page.cursor}&check=${page.cursorCheck}`);
    expect(same.statusCode).toBe(200);
    expect(same.json()).toEqual({ changes: [], cursor: page.cursor, cursorCheck: page.cursorCheck, more: false });
    for (const query of [
      `after=${page.cursor}&check=${events[0]!.id}`, // another change at that seq
      `after=${BigInt(page.cursor) + 1000n}&check=${page.cursorCheck}`, // a seq this database never reached
    ]) {
      const res = await pull(adviseur, query);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('cursor-unknown');
      expect(res.json().error.message).toMatch(/haalt alles opnieuw op/);
    }
    // An older client sends no check: answered as before.
    expect((await pull(adviseur, `after=${page.cursor}`)).statusCode).toBe(200);
    expect((await pull(adviseur, `after=${page.cursor}&check=not%20an%20id`)).json().error.code).toBe(
      'invalid-request',
    );
  });

  it('still vouches for a cursor on an event that was purged since, and for one on a purge notice', async () => {
    const { coordinator, members } = await makeTeam(server.app, server.db, ['adviseur']);
    const adviseur = members[0]!;
    const log = incidentLog(adviseur.deviceId, 1);
    await push(server.app, adviseur, log.events);
    const before = (await pull(adviseur, 'after=0')).json();
    await server.app.inject({
      method: 'DELETE',
      url: `/api/sync/v1/incidents/${log.incidentId}`,
      headers: coordinator.auth,
    });
    const after = await pull(adviseur, `after=${before.cursor}&check=${before.cursorCheck}`);
    expect(after.statusCode).toBe(200);
    const page = after.json();
    expect(page.changes).toEqual([expect.objectContaining({ type: 'purge', incidentId: log.incidentId })]);
    expect(page.cursorCheck).toBe(log.incidentId);
    expect((await pull(adviseur, `after=${page.cursor}&check=${page.cursorCheck}`)).statusCode).toBe(200);
  });

  it('the stream refuses a cursor it cannot vouch for before it opens', async () => {
    const { members } = await makeTeam(server.app, server.db, ['adviseur']);
    const adviseur = members[0]!;
    const { events } = incidentLog(adviseur.deviceId, 1);
    await push(server.app, adviseur, events);
    const page = (await pull(adviseur, 'after=0')).json();
    const ticket = (
      await server.app.inject({
        method: 'POST',
        url: '/api/sync/v1/stream-tickets',
        headers: adviseur.auth,
        payload: {},
      })
    ).json().ticket;
    const res = await server.app.inject({
      url: `/api/sync/v1/stream?ticket=${ticket}&after=${page.cursor}&check=${events[0]!.id}`,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('cursor-unknown');
  });

  it('after a restore and new pushes that reuse the numbers, every device ends with every event once', async () => {
    const { a, b, log } = await twoDevicesOnIncident(3);
    const backup = await maxSeq(server.db);
    // After the backup: A and B both write, and both see everything.
    a.write([1, 2].map((i) => stepEvent(a.member.deviceId, log.incidentId, 10 + i) as Event));
    b.write([stepEvent(b.member.deviceId, log.incidentId, 20) as Event]);
    await a.sync();
    await b.sync();
    await a.sync();
    const beforeRestore = await countEvents(server.db);

    await restoreBackupAt(server.db, backup);
    expect(await countEvents(server.db)).toBe(beforeRestore - 3);
    // B writes on after the restore: its new events draw the numbers A's lost events had.
    b.write([21, 22, 23].map((i) => stepEvent(b.member.deviceId, log.incidentId, i) as Event));
    await b.pushOutbox();

    await a.pull();
    await b.pull();
    expect(a.restarts).toBe(1);
    expect(b.restarts).toBe(1);
    // One more round: each device has offered its own events again; each pulls what the other re-offered.
    await a.sync();
    await b.sync();
    const all = [...a.own, ...b.own].map((e) => e.id).sort();
    for (const device of [a, b]) expect([...device.applied.keys()].sort()).toEqual(all);
    const { rows } = await server.db.query<{ id: string; n: number }>(
      'SELECT id, count(*)::int AS n FROM events WHERE incident_id = $1 GROUP BY id',
      [log.incidentId],
    );
    expect(rows.map((r) => r.id).sort()).toEqual(all);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(a.restarts + b.restarts).toBe(2);
  });

  it('a device whose pushes the backup lost, while its cursor stood below them, offers them again', async () => {
    const { a, b, log } = await twoDevicesOnIncident(2);
    const backup = await maxSeq(server.db);
    // A pushes after the backup and does not pull: its cursor stays below its own pushes,
    // so the cursor check alone could not tell it anything.
    a.write([1, 2].map((i) => stepEvent(a.member.deviceId, log.incidentId, 10 + i) as Event));
    await a.pushOutbox();
    expect(a.receipt).toBeDefined();

    await restoreBackupAt(server.db, backup);
    b.write([21, 22, 23].map((i) => stepEvent(b.member.deviceId, log.incidentId, i) as Event));
    await b.pushOutbox();

    await a.sync();
    expect(a.restarts).toBe(1);
    await b.sync();
    const all = [...a.own, ...b.own].map((e) => e.id).sort();
    for (const device of [a, b]) expect([...device.applied.keys()].sort()).toEqual(all);
    const { rows } = await server.db.query<{ id: string; n: number }>(
      'SELECT id, count(*)::int AS n FROM events WHERE incident_id = $1 GROUP BY id',
      [log.incidentId],
    );
    expect(rows.map((r) => r.id).sort()).toEqual(all);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });
});
