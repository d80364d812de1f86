import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../unit/support/prng.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from './support/engines.ts';
import { countEvents, incidentLog, type Member, makeTeam, testApp } from './support/fixtures.ts';

type Json = Record<string, unknown>;

/** Ways to break one event; each keeps the rest of a valid batch intact. */
const EVENT_BREAKERS: ((e: Json, r: ReturnType<typeof prng>) => void)[] = [
  (e) => delete e.id,
  (e) => {
    e.id = '';
  },
  (e) => {
    e.id = 'x'.repeat(101);
  },
  (e) => {
    e.id = 'bad id with spaces';
  },
  (e) => {
    e.id = 42;
  },
  (e) => delete e.incidentId,
  (e) => {
    e.incidentId = '../etc';
  },
  (e) => {
    e.at = '2026-13-01T00:00:00.000Z';
  },
  (e) => {
    e.at = '1 december';
  },
  (e) => {
    e.at = '2026-12-01T09:00:00Z';
  },
  (e) => delete e.at,
  (e) => {
    e.actor = 'x'.repeat(201);
  },
  (e) => {
    e.actor = null;
  },
  (e) => {
    e.device = 7;
  },
  (e) => {
    e.type = 'incident.deleted';
  },
  (e) => {
    e.type = '';
  },
  (e) => delete e.type,
  (e) => {
    e.payload = null;
  },
  (e) => {
    e.payload = [];
  },
  (e) => {
    e.payload = 'gedaan';
  },
  (e) => delete e.payload,
  (e) => {
    e.type = 'step.status-set';
    e.payload = { stepId: 'x', status: 'klaar' };
  },
  (e) => {
    e.type = 'step.status-set';
    e.payload = { status: 'gedaan' };
  },
  (e) => {
    e.type = 'log.entry-added';
    e.payload = { text: 'x'.repeat(50_001) };
  },
  (e) => {
    e.type = 'log.entry-added';
    e.payload = { text: 'ok', happenedAt: 'gisteren' };
  },
  (e) => {
    e.type = 'decision.recorded';
    e.payload = {
      instrumentId: 'x',
      outcome: 'misschien',
      considerations: [],
      motivation: '',
      decidedAt: '2026-12-01',
    };
  },
  (e) => {
    e.type = 'incident.linked';
    e.payload = { otherIncidentId: 'a', reason: 'gevoel' };
  },
  (e) => {
    e.type = 'entry.withdrawn';
    e.payload = { entryId: 'a' };
  },
  (e) => {
    e.type = 'incident.phase-changed';
    e.payload = { phase: 'later' };
  },
  (e, r) => {
    e[['id', 'incidentId', 'at', 'actor', 'device', 'type', 'payload'][r.int(7)]!] = { nested: [1, 2, 3] };
  },
];

/** Whole bodies that are not a push at all. */
const RAW_BODIES: { body: string; contentType?: string }[] = [
  { body: '' },
  { body: '{' },
  { body: '{"events": [' },
  { body: 'null' },
  { body: '[]' },
  { body: '"events"' },
  { body: '42' },
  { body: '{}' },
  { body: '{"events": null}' },
  { body: '{"events": {}}' },
  { body: '{"events": "[]"}' },
  { body: '{"events": []}' },
  { body: '{"events": [null]}' },
  { body: '{"events": [1, 2]}' },
  { body: '{"events": [[]]}' },
  { body: '{"__proto__": {"admin": true}, "events": []}' },
  { body: '{"events": [], "constructor": {"prototype": {"x": 1}}}' },
  { body: '{"events": [{"__proto__": {}}]}' },
  { body: `{"events": ${'['.repeat(5000)}${']'.repeat(5000)}}` },
  { body: 'events=1', contentType: 'application/x-www-form-urlencoded' },
  { body: '{"events": []}', contentType: 'text/plain' },
  { body: '<events/>', contentType: 'application/xml' },
  { body: `{"events": [${Array.from({ length: 1001 }, () => '{}').join(',')}]}` },
  { body: `{"events": [{"id": "${'x'.repeat(9 * 1024 * 1024)}"}]}` },
];

describe.each(ENGINES)('malformed pushes on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let adviseur: Member;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    app = await testApp(t.db);
    adviseur = (await makeTeam(app, t.db, ['adviseur'])).members[0]!;
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('refuses 200+ generated bad bodies with a 4xx, a code and a Dutch reason, and writes nothing', async () => {
    const r = prng(13);
    const cases: { body: string; contentType: string }[] = RAW_BODIES.map((c) => ({
      body: c.body,
      contentType: c.contentType ?? 'application/json',
    }));
    for (let i = 0; i < 200; i++) {
      const { events } = incidentLog(adviseur.deviceId, 1 + r.int(4));
      const victim = events[r.int(events.length)]!;
      EVENT_BREAKERS[i % EVENT_BREAKERS.length]!(victim, r);
      cases.push({ body: JSON.stringify({ events: r.shuffle(events) }), contentType: 'application/json' });
    }
    expect(cases.length).toBeGreaterThanOrEqual(220);
    const codes = new Map<string, number>();
    for (const c of cases) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/sync/v1/events',
        headers: { ...adviseur.auth, 'content-type': c.contentType },
        payload: c.body,
      });
      expect(res.statusCode, c.body.slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, c.body.slice(0, 200)).toBeLessThan(500);
      const error = (res.json() as { error: { code: string; message: string } }).error;
      expect(error.message).toMatch(/[a-z]{3,}/);
      codes.set(error.code, (codes.get(error.code) ?? 0) + 1);
    }
    expect(await countEvents(t.db)).toBe(0);
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM incidents');
    expect(rows[0]!.n).toBe(0);
    expect([...codes.keys()].sort()).toEqual(
      expect.arrayContaining([
        'body-too-large',
        'invalid-event',
        'invalid-json',
        'invalid-request',
        'unsupported-media-type',
      ]),
    );
  }, 120_000);

  it('names the event and field that failed', async () => {
    const { events } = incidentLog(adviseur.deviceId, 2);
    (events[2]!.payload as Json).text = 'x'.repeat(50_001);
    const res = await app.inject({
      method: 'POST',
      url: '/api/sync/v1/events',
      headers: adviseur.auth,
      payload: { events },
    });
    expect(res.json().error).toMatchObject({ code: 'invalid-event', detail: 'events/2/payload/text: maxLength' });
  });
});
