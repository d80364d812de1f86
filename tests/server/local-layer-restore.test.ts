import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/store/database.ts';
import { readLocalChanges, readLocalLayer } from '../../src/local/store/local-store.ts';
import { LOCAL_CONFLICT, LOCAL_RESTORED_CONFLICT } from '../../src/sync/domain/local-layer-conflict.ts';
import { updateMembership } from '../../src/sync/store/membership.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from './support/engines.ts';
import { type Member, makeTeam } from './support/fixtures.ts';
import { addContact, phone, serverContacts as serverLayerOf, setRotterdam } from './support/layer-phones.ts';
import { listeningApp } from './support/listening.ts';

/**
 * The team's local layer when the server is restored from a backup (docs/sync-protocol.md,
 * "Local layer", "A restored server"): real phones' storage (fake-indexeddb) running the
 * app's own `syncLocalLayer` against the real server and database, on both engines.
 */

/** The team's row as a backup holds it, and putting it back as restoring that backup does. */
async function backupOf(db: Database, teamId: number) {
  const { rows } = await db.query('SELECT * FROM team_local_layers WHERE team_id = $1', [teamId]);
  const row = rows[0] as { revision: string; file: unknown; updated_by: string; updated_at: Date };
  return () =>
    db.query(
      'UPDATE team_local_layers SET revision = $2, file = $3::jsonb, updated_by = $4, updated_at = $5 WHERE team_id = $1',
      [teamId, row.revision, JSON.stringify(row.file), row.updated_by, row.updated_at],
    );
}

describe.each(ENGINES)("the team's local layer after a restored backup on %s", (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const realFetch = globalThis.fetch;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const listening = await listeningApp(t.db);
    app = listening.app;
    // The app asks its own origin ('/api/sync/v1/…'); here that origin is the listening server.
    globalThis.fetch = (input, init) =>
      realFetch(typeof input === 'string' && input.startsWith('/') ? `${listening.origin}${input}` : input, init);
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    await app.close();
    await t.drop();
  });

  const serverContacts = (member: Member) => serverLayerOf(app, member);

  /**
   * Revision 1 (one contact) is backed up; revision 2 (a second contact) reaches both phones
   * (and the second coordinator phone's, with `secondAgrees`) and is then lost.
   */
  async function restoredTeam({ secondAgrees = false } = {}) {
    const { teamId, coordinator, members } = await makeTeam(app, t.db, ['adviseur', 'coordinator']);
    const [adviseur, second] = members as [Member, Member];
    const c = phone(coordinator);
    const a = phone(adviseur);
    const s = phone(second);
    await setRotterdam(c);
    await addContact(c, 'Piket 1');
    expect(await c.sync()).toBeUndefined();
    expect(await a.sync()).toBeUndefined();
    const restore = await backupOf(t.db, teamId);
    await addContact(c, 'Piket 2');
    expect(await c.sync()).toBeUndefined();
    expect(await a.sync()).toBeUndefined();
    expect(await a.contacts()).toEqual(['Piket 1', 'Piket 2']);
    expect((await a.agreed())?.serverRevision).toBe(2);
    if (secondAgrees) {
      expect(await s.sync()).toBeUndefined();
      expect((await s.agreed())?.serverRevision).toBe(2);
    }
    await restore();
    expect(await serverContacts(adviseur)).toEqual({ revision: 1, contacts: ['Piket 1'] });
    return { coordinator, adviseur, second, c, a, s };
  }

  it('an adviser keeps the agreed layer, the coordinator offers it again, and the adviser takes the next upload', async () => {
    const { adviseur, c, a } = await restoredTeam();
    const history = (await readLocalChanges({ db: a.db })).length;
    // The adviser's phone does not step back to the backup's older layer.
    expect(await a.sync()).toBeUndefined();
    expect(await a.contacts()).toEqual(['Piket 1', 'Piket 2']);
    // Agreed on the server's revision, marked as keeping the newer layer (the Lokaal line says so).
    expect(await a.agreed()).toMatchObject({ serverRevision: 1, keptNewer: true });

    // The coordinator's phone, with nothing unsent, gives the team the agreed layer back.
    expect(await c.sync()).toBeUndefined();
    expect(await serverContacts(adviseur)).toEqual({ revision: 2, contacts: ['Piket 1', 'Piket 2'] });
    expect((await c.agreed())?.serverRevision).toBe(2);
    // And a later edit goes up the usual way.
    await addContact(c, 'Piket 3');
    expect(await c.sync()).toBeUndefined();
    expect(await serverContacts(adviseur)).toEqual({ revision: 3, contacts: ['Piket 1', 'Piket 2', 'Piket 3'] });

    expect(await a.sync()).toBeUndefined();
    expect(await a.contacts()).toEqual(['Piket 1', 'Piket 2', 'Piket 3']);
    expect((await a.agreed())?.serverRevision).toBe(3);
    expect((await a.agreed())?.keptNewer).toBeUndefined();
    // Nothing of the adviser's history went: the one new row is the coordinator's upload.
    expect((await readLocalChanges({ db: a.db })).length).toBe(history + 1);
  });

  it('a coordinator with edits made while the server was away offers them on the restored revision', async () => {
    const { adviseur, c } = await restoredTeam();
    await addContact(c, 'Piket 3');
    expect(await c.sync()).toBeUndefined();
    expect(await serverContacts(adviseur)).toEqual({ revision: 2, contacts: ['Piket 1', 'Piket 2', 'Piket 3'] });
    expect(await c.agreed()).toMatchObject({
      serverRevision: 2,
      localRevision: (await readLocalLayer(c.db))!.revision,
    });
    // In step with the server now: the next run changes nothing.
    expect(await c.sync()).toBeUndefined();
    expect((await serverContacts(adviseur)).revision).toBe(2);
  });

  /** A second coordinator phone takes the restored layer and edits it: the revision number the others agreed on (2), other content. */
  async function replacedTeam() {
    const team = await restoredTeam();
    const { adviseur, s } = team;
    expect(await s.sync()).toBeUndefined();
    expect(await s.contacts()).toEqual(['Piket 1']);
    await addContact(s, 'Slotenmaker');
    expect(await s.sync()).toBeUndefined();
    expect(await serverContacts(adviseur)).toEqual({ revision: 2, contacts: ['Piket 1', 'Slotenmaker'] });
    return team;
  }

  it('a layer uploaded after the restore by another coordinator phone overwrites no unsent edits, and reaches the adviser', async () => {
    const { adviseur, c, a } = await replacedTeam();
    // The first coordinator's phone has an edit of its own: not on the server, neither is newer; nothing overwritten.
    await addContact(c, 'Piket 3');
    expect(await c.sync()).toBe(LOCAL_RESTORED_CONFLICT);
    expect(await c.contacts()).toEqual(['Piket 1', 'Piket 2', 'Piket 3']);
    expect(await c.sync()).toBe(LOCAL_RESTORED_CONFLICT);
    expect(await serverContacts(adviseur)).toEqual({ revision: 2, contacts: ['Piket 1', 'Slotenmaker'] });

    // The adviser takes the team's layer; its own stays in the history.
    const history = (await readLocalChanges({ db: a.db })).length;
    expect(await a.sync()).toBeUndefined();
    expect(await a.contacts()).toEqual(['Piket 1', 'Slotenmaker']);
    expect((await readLocalChanges({ db: a.db })).length).toBe(history + 1);

    // "Versie van het team overnemen" on the coordinator's phone, then it is in step again.
    expect(await c.sync(true)).toBeUndefined();
    expect(await c.contacts()).toEqual(['Piket 1', 'Slotenmaker']);
    expect(await c.sync()).toBeUndefined();
    expect((await serverContacts(adviseur)).revision).toBe(2);
  });

  it('a coordinator phone with nothing unsent takes that layer as an adviser does, its own kept in the history', async () => {
    const { adviseur, c } = await replacedTeam();
    const history = (await readLocalChanges({ db: c.db })).length;
    expect(await c.sync()).toBeUndefined();
    expect(await c.contacts()).toEqual(['Piket 1', 'Slotenmaker']);
    expect((await readLocalChanges({ db: c.db })).length).toBe(history + 1);
    expect(await serverContacts(adviseur)).toEqual({ revision: 2, contacts: ['Piket 1', 'Slotenmaker'] });
    // In step: its next edit goes up the usual way.
    await addContact(c, 'Piket 3');
    expect(await c.sync()).toBeUndefined();
    expect(await serverContacts(adviseur)).toEqual({ revision: 3, contacts: ['Piket 1', 'Piket 3', 'Slotenmaker'] });
  });

  it('two coordinator phones that agreed on the lost revision: the second finds its own layer re-offered, no conflict', async () => {
    const { adviseur, c, s } = await restoredTeam({ secondAgrees: true });
    // Phone B syncs first and gives the team the agreed layer back (revision 2, a new stamp).
    const before = (await c.agreed())!.serverUpdatedAt;
    expect(await s.sync()).toBeUndefined();
    const back = await app.inject({ url: '/api/sync/v1/local-layer?known=0', headers: adviseur.auth });
    const stored = back.json() as { revision: number; updatedAt: string };
    expect(stored.revision).toBe(2);
    expect(stored.updatedAt).not.toBe(before);

    // Phone A: the same layer it agreed on, so nothing to say and nothing new in its history.
    const history = (await readLocalChanges({ db: c.db })).length;
    expect(await c.sync()).toBeUndefined();
    expect(await c.contacts()).toEqual(['Piket 1', 'Piket 2']);
    expect((await readLocalChanges({ db: c.db })).length).toBe(history);
    expect(await c.agreed()).toMatchObject({ serverRevision: 2, serverUpdatedAt: stored.updatedAt });
    await addContact(c, 'Piket 3');
    expect(await c.sync()).toBeUndefined();
    expect(await serverContacts(adviseur)).toEqual({ revision: 3, contacts: ['Piket 1', 'Piket 2', 'Piket 3'] });
  });

  it('an agreement stored before stamps were kept gets the server’s stamp on the next run', async () => {
    const { adviseur, a } = await restoredTeam();
    expect(await a.sync()).toBeUndefined();
    const { serverUpdatedAt, ...unstamped } = (await a.agreed())!;
    expect(serverUpdatedAt).toBeDefined();
    await updateMembership(a.db, { localLayer: unstamped });
    expect((await a.agreed())?.serverUpdatedAt).toBeUndefined();

    expect(await a.sync()).toBeUndefined();
    const server = (await app.inject({ url: '/api/sync/v1/local-layer?known=0', headers: adviseur.auth })).json() as {
      revision: number;
      updatedAt: string;
    };
    expect(await a.agreed()).toEqual({ ...unstamped, serverUpdatedAt: server.updatedAt });
    expect(server.revision).toBe(unstamped.serverRevision);
  });

  it('a stale upload without a restore is still a conflict', async () => {
    const { coordinator, members } = await makeTeam(app, t.db, ['coordinator']);
    const c = phone(coordinator);
    const s = phone(members[0]!);
    await setRotterdam(c);
    expect(await c.sync()).toBeUndefined();
    expect(await s.sync()).toBeUndefined();
    await addContact(s, 'Slotenmaker');
    expect(await s.sync()).toBeUndefined();
    await addContact(c, 'Piket 1');
    expect(await c.sync()).toBe(LOCAL_CONFLICT);
    expect(await serverContacts(coordinator)).toEqual({ revision: 2, contacts: ['Slotenmaker'] });
  });
});
