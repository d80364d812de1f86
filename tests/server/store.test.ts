import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../server/store/devices-store.ts';
import { knownMigrations, migrate } from '../../server/store/migrate.ts';
import { purgeIncident } from '../../server/store/purge-incident.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from './support/engines.ts';
import { countEvents, incidentLog, makeTeam, push, testApp } from './support/fixtures.ts';

describe.each(ENGINES)('the store on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(() => t.drop());

  async function sharedIncident() {
    const app = await testApp(t.db);
    const team = await makeTeam(app, t.db, ['adviseur']);
    const adviseur = team.members[0]!;
    const log = incidentLog(adviseur.deviceId, 2);
    await push(app, adviseur, log.events);
    await app.close();
    return { ...log, device: await authenticate(t.db, adviseur.token) };
  }

  it('the events table refuses UPDATE, DELETE and TRUNCATE', async () => {
    const { incidentId } = await sharedIncident();
    const before = await countEvents(t.db);
    await expect(t.db.query(`UPDATE events SET event = '{}' WHERE incident_id = $1`, [incidentId])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query('DELETE FROM events WHERE incident_id = $1', [incidentId])).rejects.toThrow(/append-only/);
    await expect(t.db.query('TRUNCATE events CASCADE')).rejects.toThrow(/append-only/);
    expect(await countEvents(t.db)).toBe(before);
  });

  it('naming one incident for a purge does not open the door for another', async () => {
    const first = await sharedIncident();
    const second = await sharedIncident();
    const attempt = t.db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('app.purge', $1, true)`, [first.incidentId]);
      await tx.query('DELETE FROM events WHERE incident_id = $1', [second.incidentId]);
    });
    await expect(attempt).rejects.toThrow(/append-only/);
    // The setting is transaction-local: outside the purge it is gone again.
    await expect(t.db.query('DELETE FROM events WHERE incident_id = $1', [first.incidentId])).rejects.toThrow(
      /append-only/,
    );
  });

  it('a purge deletes exactly one incident and leaves a notice', async () => {
    const keep = await sharedIncident();
    const gone = await sharedIncident();
    const before = await countEvents(t.db);
    expect(await purgeIncident(t.db, gone.device, gone.incidentId)).toEqual({ deleted: 3 });
    expect(await countEvents(t.db)).toBe(before - 3);
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE incident_id = $1', [
      keep.incidentId,
    ]);
    expect(rows[0]!.n).toBe(3);
    const notice = await t.db.query('SELECT incident_id FROM purges WHERE incident_id = $1', [gone.incidentId]);
    expect(notice.rows).toHaveLength(1);
  });

  it('migrating again adds nothing', async () => {
    expect(await migrate(t.db)).toEqual([]);
  });

  it('refuses a database whose history holds a migration it does not know, or a changed one', async () => {
    await t.db.query(`INSERT INTO schema_migrations (id, name, checksum) VALUES (999, '999-from-the-future', 'x')`);
    await expect(migrate(t.db)).rejects.toThrow(/999-from-the-future/);
    await t.db.query('DELETE FROM schema_migrations WHERE id = 999');
    const changed = knownMigrations().map((m) => (m.id === 1 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(t.db, changed)).rejects.toThrow(/001-initial/);
  });
});

describe('migration files', () => {
  it('are numbered without gaps and only add (no DROP, RENAME or type change)', () => {
    const migrations = knownMigrations();
    expect(migrations.map((m) => m.id)).toEqual(migrations.map((_, i) => i + 1));
    for (const m of migrations) {
      const sql = m.sql.replace(/--.*$/gm, '');
      expect(sql, m.name).not.toMatch(/\bDROP\b|\bRENAME\b|\bALTER\s+COLUMN\b[^;]*\bTYPE\b|(^|;)\s*TRUNCATE\b/im);
    }
  });

  it('shipped migrations stay byte for byte as shipped', () => {
    // A database records each migration's checksum and refuses to start when a file changed
    // after it ran: change a shipped migration and every deployed server stops. Add a new one.
    const shipped: Record<string, string> = {
      '001-initial': 'b5b7d1cc6814cc926ccca363f97299949b5432eedb1276b5cbe452655e658fdb',
    };
    for (const m of knownMigrations()) if (shipped[m.name]) expect(m.checksum, m.name).toBe(shipped[m.name]);
    expect(Object.keys(shipped).every((name) => knownMigrations().some((m) => m.name === name))).toBe(true);
  });
});
