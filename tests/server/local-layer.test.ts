import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/store/database.ts';
import type { LocalContact, LocalLayer } from '../../src/model/local-layer.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from './support/engines.ts';
import { type Member, makeTeam } from './support/fixtures.ts';
import { listeningApp } from './support/listening.ts';

/** The team's local layer (issue 14, docs/sync-protocol.md "Local layer"). */

const read = (name: string) => JSON.parse(readFileSync(`docs/schemas/${name}`, 'utf8'));
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema(read('exchange.schema.json'), 'exchange.schema.json');
ajv.addSchema(read('local.schema.json'), 'local.schema.json');
ajv.addSchema(read('sync-protocol.schema.json'));
function expectValid(def: string, value: unknown) {
  const validate = ajv.getSchema(`sync-protocol.schema.json#/$defs/${def}`);
  if (!validate) throw new Error(`no $defs/${def}`);
  expect(validate(value) ? [] : validate.errors, def).toEqual([]);
}

const contact = (n: number, visibility: LocalContact['visibility'] = 'intern'): LocalContact => ({
  id: `gm0599-contact-${n}`,
  name: `Piket woningcorporatie ${n}`,
  role: 'Calamiteitenlijn',
  phones: [{ label: 'Piket', number: '010 440 88 00' }],
  visibility,
});

function layerFile(contacts: LocalContact[], revision = 3, shared = false) {
  const layer: LocalLayer = {
    municipalityCode: 'gm0599',
    municipality: 'Rotterdam',
    revision,
    contacts,
    steps: [],
    annotations: [],
    notApplicable: [],
    origins: [],
  };
  return {
    format: 'handelingskader-lokaal',
    version: 1,
    exportedAt: '2026-12-02T10:00:00.000Z',
    contentVersion: '2025.1',
    shared,
    layer,
  };
}

async function stored(db: Database) {
  const { rows } = await db.query<{ n: number; revision: string | null }>(
    'SELECT count(*)::int AS n, max(revision) AS revision FROM team_local_layers',
  );
  return { n: rows[0]!.n, revision: rows[0]!.revision === null ? 0 : Number(rows[0]!.revision) };
}

describe.each(ENGINES)("the team's local layer on %s", (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    ({ app, origin } = await listeningApp(t.db));
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const put = (member: Member, payload: unknown) =>
    app.inject({ method: 'PUT', url: '/api/sync/v1/local-layer', headers: member.auth, payload: payload as object });
  const get = (member: Member, known?: number) =>
    app.inject({
      url: `/api/sync/v1/local-layer${known === undefined ? '' : `?known=${known}`}`,
      headers: member.auth,
    });

  it('is uploaded by the coordinator and read by every role, each read and write logged', async () => {
    const { coordinator, members } = await makeTeam(app, t.db);
    const [adviseur, meelezer] = members as [Member, Member];
    expect((await get(adviseur)).json()).toEqual({ revision: 0 });
    const file = layerFile([contact(1), contact(2, 'openbaar')]);
    expectValid('LocalLayerUpload', { baseRevision: 0, file });
    const up = await put(coordinator, { baseRevision: 0, file });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toEqual({ revision: 1, updatedAt: expect.any(String) });
    expectValid('LocalLayerUploadResponse', up.json());
    const stamp = up.json().updatedAt as string;
    for (const member of [adviseur, meelezer, coordinator]) {
      const res = await get(member);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ revision: 1, file, updatedAt: stamp, updatedBy: expect.any(String) });
      expectValid('LocalLayerResponse', res.json());
    }
    // A device that has the revision gets only the number and when it was stored, and nothing is logged for it.
    expect((await get(adviseur, 1)).json()).toEqual({ revision: 1, updatedAt: stamp });
    expectValid('LocalLayerResponse', (await get(adviseur, 1)).json());
    // An upload naming the base's stamp wrongly is stale (a restored server's same number); rightly, it goes.
    const wrongStamp = await put(coordinator, {
      baseRevision: 1,
      baseUpdatedAt: new Date(Date.parse(stamp) - 1).toISOString(),
      file: layerFile([contact(1)], 4),
    });
    expect(wrongStamp.json().error.code).toBe('local-layer-stale');
    const second = await put(coordinator, { baseRevision: 1, baseUpdatedAt: stamp, file: layerFile([contact(1)], 4) });
    expect(second.json()).toEqual({ revision: 2, updatedAt: expect.any(String) });
    expectValid('LocalLayerUpload', { baseRevision: 1, baseUpdatedAt: stamp, file: layerFile([contact(1)], 4) });
    expect((await get(adviseur, 1)).json().file.layer.contacts).toHaveLength(1);
    const { rows } = await t.db.query<{ device_id: string; revision: string; access: string }>(
      `SELECT device_id, revision, access FROM local_layer_log l JOIN devices d ON d.id = l.device_id
       WHERE d.team_id = (SELECT team_id FROM devices WHERE id = $1) ORDER BY l.id`,
      [coordinator.id],
    );
    expect(rows.map((r) => [Number(r.device_id), Number(r.revision), r.access])).toEqual([
      [coordinator.id, 1, 'write'],
      [adviseur.id, 1, 'read'],
      [meelezer.id, 1, 'read'],
      [coordinator.id, 1, 'read'],
      [coordinator.id, 2, 'write'],
      [adviseur.id, 2, 'read'],
    ]);
  });

  it('refuses an adviseur and a meelezer, and a stale base, with nothing written', async () => {
    const { coordinator, members } = await makeTeam(app, t.db);
    const before = await stored(t.db);
    for (const member of members) {
      const res = await put(member, { baseRevision: 0, file: layerFile([contact(1)]) });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('role-forbidden');
    }
    expect(await stored(t.db)).toEqual(before);
    expect((await put(coordinator, { baseRevision: 0, file: layerFile([contact(1)]) })).statusCode).toBe(200);
    // A second coordinator device that built on revision 0 too: refused with a reason, the first stays.
    const stale = await put(coordinator, { baseRevision: 0, file: layerFile([contact(9)]) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'local-layer-stale',
      message: expect.stringContaining('intussen'),
    });
    expect((await get(members[0]!)).json().file.layer.contacts.map((c: LocalContact) => c.id)).toEqual([
      'gm0599-contact-1',
    ]);
    const other = layerFile([]);
    other.layer.municipalityCode = 'gm0363';
    const moved = await put(coordinator, { baseRevision: 1, file: other });
    expect(moved.json().error.code).toBe('local-layer-other-municipality');
  });

  it('refuses malformed and hostile uploads with 4xx, nothing written', async () => {
    const { coordinator } = await makeTeam(app, t.db);
    const before = await stored(t.db);
    const good = layerFile([contact(1)]);
    const bad: unknown[] = [
      {},
      { baseRevision: -1, file: good },
      { baseRevision: '0', file: good },
      { baseRevision: 0, baseUpdatedAt: 'gisteren', file: good },
      { baseRevision: 0 },
      { baseRevision: 0, file: { ...good, format: 'handelingskader-export' } },
      { baseRevision: 0, file: { ...good, version: 2 } },
      { baseRevision: 0, file: layerFile([contact(1)], 3, true) },
      { baseRevision: 0, file: layerFile([contact(1), contact(1)]) },
      { baseRevision: 0, file: layerFile([{ ...contact(1), id: 'gm0363-contact-1' }]) },
      { baseRevision: 0, file: layerFile([{ ...contact(1), phones: [{ label: 'x', number: 'bel mij' }] }]) },
      { baseRevision: 0, file: { ...good, layer: { ...good.layer, contacts: 'veel' } } },
      [good],
    ];
    for (const payload of bad) {
      const res = await put(coordinator, payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 120)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json().error.message).toMatch(/niets opgeslagen|verwachte vorm/);
      expectValid('Error', res.json());
    }
    const big = layerFile(
      Array.from({ length: 1 }, (_, i) => ({ ...contact(i), availability: 'x'.repeat(6 * 1024 * 1024) })),
    );
    const tooBig = await put(coordinator, { baseRevision: 0, file: big });
    expect(tooBig.statusCode).toBe(413);
    expect((await get(coordinator, -1 as never)).statusCode).toBe(400);
    expect(await stored(t.db)).toEqual(before);
  });

  it('tells the live streams of the team, not of other teams, about a new revision', async () => {
    const { coordinator, members } = await makeTeam(app, t.db);
    const other = await makeTeam(app, t.db);
    const listen = async (member: Member) => {
      const { ticket } = (
        await app.inject({ method: 'POST', url: '/api/sync/v1/stream-tickets', headers: member.auth })
      ).json() as { ticket: string };
      const controller = new AbortController();
      const res = await fetch(`${origin}/api/sync/v1/stream?ticket=${ticket}`, { signal: controller.signal });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      const until = async (pattern: RegExp) => {
        while (!pattern.test(text)) {
          const { value, done } = await reader.read();
          if (done) throw new Error('stream ended');
          text += value;
        }
      };
      await until(/event: ready/);
      return { until, text: () => text, close: () => controller.abort() };
    };
    const mine = await listen(members[0]!);
    const theirs = await listen(other.members[0]!);
    expect((await put(coordinator, { baseRevision: 0, file: layerFile([contact(1)]) })).statusCode).toBe(200);
    await mine.until(/event: local-layer\ndata: \{"revision":1\}/);
    expectValid('StreamLocalLayer', JSON.parse(/event: local-layer\ndata: (.*)\n/.exec(mine.text())![1]!));
    // The other team's stream hears nothing: a change of its own arrives after, alone.
    expect((await put(other.coordinator, { baseRevision: 0, file: layerFile([]) })).statusCode).toBe(200);
    await theirs.until(/event: local-layer/);
    expect(theirs.text().match(/event: local-layer/g)).toHaveLength(1);
    mine.close();
    theirs.close();
  });
});
