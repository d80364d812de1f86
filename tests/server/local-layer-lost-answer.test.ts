import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CONFLICT } from '../../src/sync/domain/local-layer-conflict.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from './support/engines.ts';
import { makeTeam } from './support/fixtures.ts';
import { addContact, phone, serverContacts, setRotterdam } from './support/layer-phones.ts';
import { listeningApp } from './support/listening.ts';

/**
 * A coordinator's upload of the team's layer whose answer never reached the phone (the app was
 * closed, the connection dropped): the server stored it, the phone does not know. The phone's
 * next run must recognise its own upload there, not call it a conflict with the team.
 */
describe.each(ENGINES)('a layer upload whose answer was lost, on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const realFetch = globalThis.fetch;
  /**
   * How the next upload of the layer fails for the phone: its answer lost after the server
   * stored it, its request lost before, or its request held and delivered just before the
   * phone's following upload (a closed page's request arriving late).
   */
  let lose: 'answer' | 'request' | 'late' | undefined;
  let late: (() => Promise<Response>) | undefined;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const listening = await listeningApp(t.db);
    app = listening.app;
    globalThis.fetch = async (input, init) => {
      const url = typeof input === 'string' && input.startsWith('/') ? `${listening.origin}${input}` : input;
      const upload = String(url).endsWith('/api/sync/v1/local-layer') && init?.method === 'PUT';
      const failing = upload ? lose : undefined;
      if (failing) lose = undefined;
      if (failing === 'request') throw new TypeError('Failed to fetch');
      if (failing === 'late') {
        late = () => realFetch(url, init);
        throw new TypeError('Failed to fetch');
      }
      if (upload && late) {
        const earlier = late;
        late = undefined;
        await (await earlier()).body?.cancel();
      }
      const response = await realFetch(url, init);
      if (failing === 'answer') {
        await response.body?.cancel();
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
  });
  afterEach(() => {
    lose = undefined;
    late = undefined;
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    await app.close();
    await t.drop();
  });

  it('stored but unanswered: the next run agrees on it and sends the edits made since, with no conflict', async () => {
    const { coordinator } = await makeTeam(app, t.db, []);
    const c = phone(coordinator);
    await setRotterdam(c);
    await addContact(c, 'Piket 1');
    lose = 'answer';
    await expect(c.sync()).rejects.toThrow();
    expect(await serverContacts(app, coordinator)).toEqual({ revision: 1, contacts: ['Piket 1'] });
    expect(await c.agreed()).toBeUndefined();
    expect((await c.membership())?.localLayerSent).toEqual([expect.objectContaining({ baseRevision: 0 })]);

    await addContact(c, 'Piket 2');
    expect(await c.sync()).toBeUndefined();
    expect(await serverContacts(app, coordinator)).toEqual({ revision: 2, contacts: ['Piket 1', 'Piket 2'] });
    expect(await c.agreed()).toMatchObject({ serverRevision: 2 });
    expect((await c.membership())?.localLayerSent).toBeUndefined();
  });

  // Six: more than the records kept, so retries of one layer must not each take a place.
  it.each([1, 6])(
    'stored but unanswered, then %i upload(s) of the next edit without an answer: still recognised',
    async (retries) => {
      const { coordinator } = await makeTeam(app, t.db, []);
      const c = phone(coordinator);
      await setRotterdam(c);
      lose = 'answer';
      await expect(c.sync()).rejects.toThrow();
      await addContact(c, 'Piket 1');
      for (let attempt = 0; attempt < retries; attempt++) {
        lose = 'request';
        await expect(c.sync()).rejects.toThrow();
      }
      expect(await c.sync()).toBeUndefined();
      expect(await serverContacts(app, coordinator)).toEqual({ revision: 2, contacts: ['Piket 1'] });
    },
  );

  it('two tabs of one phone upload the same edit at once: one is stored, the other recognises it', async () => {
    const { coordinator } = await makeTeam(app, t.db, []);
    const c = phone(coordinator);
    await setRotterdam(c);
    await addContact(c, 'Piket 1');
    expect(await Promise.all([c.sync(), c.sync()])).toEqual([undefined, undefined]);
    expect(await serverContacts(app, coordinator)).toEqual({ revision: 1, contacts: ['Piket 1'] });
    expect(await c.agreed()).toMatchObject({ serverRevision: 1 });
  });

  it('stored but unanswered, with nothing edited since: agreed on, and the server keeps that one revision', async () => {
    const { coordinator } = await makeTeam(app, t.db, []);
    const c = phone(coordinator);
    await setRotterdam(c);
    lose = 'answer';
    await expect(c.sync()).rejects.toThrow();
    expect(await c.sync()).toBeUndefined();
    expect((await serverContacts(app, coordinator)).revision).toBe(1);
    expect(await c.agreed()).toMatchObject({ serverRevision: 1 });
  });

  it('arrived late, during the next page’s first upload: recognised there, and the edits since go up on it', async () => {
    const { coordinator } = await makeTeam(app, t.db, []);
    const c = phone(coordinator);
    await setRotterdam(c);
    lose = 'late';
    await expect(c.sync()).rejects.toThrow();
    expect((await serverContacts(app, coordinator)).revision).toBe(0);
    await addContact(c, 'Piket 1');
    expect(await c.sync()).toBeUndefined();
    expect(await serverContacts(app, coordinator)).toEqual({ revision: 2, contacts: ['Piket 1'] });
    expect(await c.agreed()).toMatchObject({ serverRevision: 2 });
  });

  it('a stale refusal of another phone’s layer forgets the upload', async () => {
    const { coordinator, members } = await makeTeam(app, t.db, ['coordinator']);
    const c = phone(coordinator);
    const s = phone(members[0]!);
    await setRotterdam(s);
    expect(await s.sync()).toBeUndefined();
    await setRotterdam(c);
    await addContact(c, 'Piket C');
    expect(await c.sync()).toBe(LOCAL_CONFLICT);
    expect((await c.membership())?.localLayerSent).toBeUndefined();
    expect(await serverContacts(app, coordinator)).toEqual({ revision: 1, contacts: [] });
  });

  it('never arrived: the next run uploads it', async () => {
    const { coordinator } = await makeTeam(app, t.db, []);
    const c = phone(coordinator);
    await setRotterdam(c);
    await addContact(c, 'Piket 1');
    lose = 'request';
    await expect(c.sync()).rejects.toThrow();
    expect((await serverContacts(app, coordinator)).revision).toBe(0);
    expect(await c.sync()).toBeUndefined();
    expect(await serverContacts(app, coordinator)).toEqual({ revision: 1, contacts: ['Piket 1'] });
  });

  it('stored, then built on by another coordinator phone: the unsent edits are still a conflict', async () => {
    const { coordinator, members } = await makeTeam(app, t.db, ['coordinator']);
    const c = phone(coordinator);
    const s = phone(members[0]!);
    await setRotterdam(c);
    lose = 'answer';
    await expect(c.sync()).rejects.toThrow();
    expect(await s.sync()).toBeUndefined();
    await addContact(s, 'Piket S');
    expect(await s.sync()).toBeUndefined();
    await addContact(c, 'Piket C');
    expect(await c.sync()).toBe(LOCAL_CONFLICT);
    // Nothing overwritten: the team keeps the other phone's layer.
    expect(await serverContacts(app, coordinator)).toEqual({ revision: 2, contacts: ['Piket S'] });
  });
});
