import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceClient } from '../../server/bench/device-client.ts';
import { REFUSALS } from '../../server/protocol/refusal.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from './support/engines.ts';
import { incidentLog, makeTeam, push } from './support/fixtures.ts';
import { listeningApp } from './support/listening.ts';

const read = (name: string) => JSON.parse(readFileSync(`docs/schemas/${name}`, 'utf8'));
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema(read('exchange.schema.json'), 'exchange.schema.json');
ajv.addSchema(read('local.schema.json'), 'local.schema.json');
ajv.addSchema(read('sync-protocol.schema.json'));

function expectValid(def: string, value: unknown) {
  const validate = ajv.getSchema(`sync-protocol.schema.json#/$defs/${def}`);
  if (!validate) throw new Error(`no $defs/${def}`);
  const ok = validate(value);
  expect(ok ? [] : validate.errors, `${def}: ${JSON.stringify(value).slice(0, 300)}`).toEqual([]);
}

describe('the published protocol schema', () => {
  it('lists exactly the refusal codes the server gives', () => {
    const codes = read('sync-protocol.schema.json').$defs.Error.properties.error.properties.code.enum;
    expect(codes).toEqual(Object.keys(REFUSALS));
  });

  it("holds the local layer's updatedAt to the pattern its echo baseUpdatedAt must match", () => {
    const defs = read('sync-protocol.schema.json').$defs;
    const echo = defs.LocalLayerUpload.properties.baseUpdatedAt.pattern;
    expect(echo).toBeTypeOf('string');
    for (const def of ['LocalLayerResponse', 'LocalLayerUploadResponse'])
      expect(defs[def].properties.updatedAt.pattern, def).toBe(echo);
    // What the server emits (toISOString) passes; a stamp the upload would refuse does not.
    expectValid('LocalLayerUploadResponse', { revision: 2, updatedAt: new Date(0).toISOString() });
    const validate = ajv.getSchema('sync-protocol.schema.json#/$defs/LocalLayerResponse')!;
    expect(validate({ revision: 2, updatedAt: '2026-12-02T10:00:00Z' })).toBe(false);
  });

  it('is named in docs/sync-protocol.md, with every refusal code', () => {
    const doc = readFileSync('docs/sync-protocol.md', 'utf8');
    expect(doc).toContain('schemas/sync-protocol.schema.json');
    for (const code of Object.keys(REFUSALS)) expect(doc, code).toContain(`\`${code}\``);
  });
});

describe.each(ENGINES)('every response matches the published schema, on %s', (engine) => {
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

  it('through a whole session: pair, invite, push, pull, stream, devices, access log, purge, refusals', async () => {
    const { coordinator, members } = await makeTeam(app, t.db);
    const adviseur = members[0]!;
    const get = async (url: string, headers = coordinator.auth) => (await app.inject({ url, headers })).json();

    const inviteRequest = { role: 'meelezer' };
    expectValid('InviteRequest', inviteRequest);
    const invite = await app.inject({
      method: 'POST',
      url: '/api/sync/v1/invites',
      headers: coordinator.auth,
      payload: inviteRequest,
    });
    expectValid('InviteResponse', invite.json());
    const redeemRequest = { code: invite.json().code, deviceId: '01JTESTDEVICE0000000000001', name: 'Kabinet' };
    expectValid('RedeemRequest', redeemRequest);
    const redeemed = await app.inject({ method: 'POST', url: '/api/sync/v1/invites/redeem', payload: redeemRequest });
    expectValid('RedeemResponse', redeemed.json());
    expectValid('MeResponse', await get('/api/sync/v1/me'));

    const log = incidentLog(adviseur.deviceId, 4);
    expectValid('PushRequest', { events: log.events });
    const pushed = await push(app, adviseur, log.events);
    expectValid('PushResponse', pushed.json());
    const pulled = await get('/api/sync/v1/events?after=0');
    expect(pulled.changes).toHaveLength(5);
    expectValid('PullResponse', pulled);
    expect(pulled.cursorCheck).toBe(log.events.at(-1)!.id);

    const ticket = await app.inject({ method: 'POST', url: '/api/sync/v1/stream-tickets', headers: coordinator.auth });
    expectValid('TicketResponse', ticket.json());
    const raw = await readStream(origin, coordinator.token);
    expectValid('StreamChanges', raw.changes);
    expectValid('StreamReady', raw.ready);
    expect(raw.changes.cursorCheck).toBe(log.events.at(-1)!.id);
    expect(raw.ready.cursorCheck).toBe(raw.changes.cursorCheck);

    expectValid('DevicesResponse', await get('/api/sync/v1/devices'));
    expectValid('IncidentsResponse', await get('/api/sync/v1/incidents'));
    expectValid('AccessLogResponse', await get(`/api/sync/v1/incidents/${log.incidentId}/access`));
    const purge = await app.inject({
      method: 'DELETE',
      url: `/api/sync/v1/incidents/${log.incidentId}`,
      headers: coordinator.auth,
    });
    expectValid('PurgeResponse', purge.json());
    const afterPurge = await get(`/api/sync/v1/events?after=${pulled.cursor}`);
    expect(afterPurge.changes[0].type).toBe('purge');
    expectValid('PullResponse', afterPurge);

    const revoke = await app.inject({
      method: 'POST',
      url: `/api/sync/v1/devices/${members[1]!.id}/revoke`,
      headers: coordinator.auth,
    });
    expectValid('RevokeResponse', revoke.json());
    for (const res of [
      await app.inject({ url: '/api/sync/v1/events', headers: members[1]!.auth }),
      await app.inject({ url: '/api/sync/v1/events?after=x', headers: adviseur.auth }),
      await push(app, adviseur, [{ id: 'x' }]),
      await app.inject({
        url: `/api/sync/v1/events?after=${pulled.cursor}&check=${log.events[0]!.id}`,
        headers: adviseur.auth,
      }),
    ]) {
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expectValid('Error', res.json());
    }
  });

  it('the revocation notice on a stream', async () => {
    const { coordinator, members } = await makeTeam(app, t.db);
    const watcher = new DeviceClient(origin, members[0]!.token);
    await watcher.startStream();
    const res = await fetch(`${origin}/api/sync/v1/stream-tickets`, { method: 'POST', headers: members[0]!.auth });
    const { ticket } = (await res.json()) as { ticket: string };
    const stream = await fetch(`${origin}/api/sync/v1/stream?ticket=${ticket}`);
    await app.inject({
      method: 'POST',
      url: `/api/sync/v1/devices/${members[0]!.id}/revoke`,
      headers: coordinator.auth,
    });
    const text = await stream.text();
    const data = /event: revoked\ndata: (.*)\n/.exec(text)?.[1];
    expectValid('StreamRevoked', JSON.parse(data ?? 'null'));
    watcher.stop();
  });
});

/** The first `changes` and `ready` messages of a stream, as sent. */
async function readStream(origin: string, token: string) {
  const ticketRes = await fetch(`${origin}/api/sync/v1/stream-tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  const { ticket } = (await ticketRes.json()) as { ticket: string };
  const controller = new AbortController();
  const res = await fetch(`${origin}/api/sync/v1/stream?ticket=${ticket}&after=0`, { signal: controller.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes('event: ready')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  controller.abort();
  const data = (event: string) => JSON.parse(new RegExp(`event: ${event}\\ndata: (.*)\\n`).exec(text)?.[1] ?? 'null');
  expect(text).toMatch(/id: \d+\nevent: changes/);
  return { changes: data('changes'), ready: data('ready') };
}
