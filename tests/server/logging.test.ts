import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceClient } from '../../server/bench/device-client.ts';
import { buildApp } from '../../server/http/app.ts';
import { createInvite, createTeam } from '../../server/store/invites-store.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from './support/engines.ts';
import { incidentLog, newId } from './support/fixtures.ts';

describe.each(ENGINES)('the request log on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(() => t.drop());

  it('never holds a token, an invite code, a ticket or the content of an event', async () => {
    const lines: string[] = [];
    const app = await buildApp({
      db: t.db,
      publicUrl: 'https://team.example',
      logger: { stream: { write: (l) => lines.push(l) } },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const { code } = await createInvite(t.db, await createTeam(t.db, 'Gemeente Log'), 'adviseur', undefined);
    const deviceId = newId();
    const redeemed = await fetch(`${origin}/api/sync/v1/invites/redeem`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceId, name: 'Telefoon' }),
    });
    const { token } = (await redeemed.json()) as { token: string };
    const device = new DeviceClient(origin, token);
    const log = incidentLog(deviceId, 2);
    (log.events[2]!.payload as { text: string }).text = 'Geheime getuigenverklaring van buurman Jansen';
    await device.push(log.events);
    await device.push([{ broken: 'Geheime getuigenverklaring' }]);
    await device.startStream();
    device.stop();
    const ticket = (await (
      await fetch(`${origin}/api/sync/v1/stream-tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { ticket: string };
    await fetch(`${origin}/api/sync/v1/stream?ticket=${ticket.ticket}&after=0`).then((r) => r.body?.cancel());
    await app.close();
    const text = lines.join('');
    expect(text).toContain('/api/sync/v1/events');
    for (const secret of [token, code, ticket.ticket, 'Geheime', 'Jansen', deviceId])
      expect(text).not.toContain(secret);
  });
});
