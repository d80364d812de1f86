import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { monotonicFactory } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { createIncident } from './support/incident-helpers.ts';
import {
  inviteLink,
  localEventIds,
  pair,
  serverEventIds,
  settingOf,
  startTeam,
  type Team,
  tokenOf,
} from './support/team-phones.ts';

/**
 * Issue 13's remaining paths on two phones against the real server: sync while the app
 * is open outside the incidents, a shared incident deleted on purpose (purge), and the
 * server killed in the middle of a large push.
 */

const ulid = monotonicFactory();

/** An export file of one incident with `entries` log entries, all written by `device`. */
function largeIncidentFile(device: string, entries: number): { incidentId: string; json: string } {
  const fixture = JSON.parse(readFileSync('tests/fixtures/exchange-v1.json', 'utf8'));
  const template = fixture.incidents[0];
  const incidentId = ulid();
  const at = (i: number) => new Date(Date.UTC(2026, 10, 30, 8, 0, 0) + i * 1_000).toISOString();
  const created = { ...template.events[0], id: ulid(), incidentId, device, at: at(0) };
  const events = [created];
  for (let i = 1; i <= entries; i++) {
    events.push({
      id: ulid(),
      incidentId,
      at: at(i),
      actor: 'A. Adviseur',
      device,
      type: 'log.entry-added',
      payload: { text: `Logregel ${i}: ${'waarneming ter plaatse '.repeat(8)}` },
    });
  }
  const { closedAt: _closed, ...summary } = template.incident;
  const incident = { ...summary, id: incidentId, status: 'open', linkedIncidentIds: [], updatedAt: at(entries) };
  return { incidentId, json: JSON.stringify({ ...fixture, incidents: [{ incident, events }], network: undefined }) };
}

const syncState = (page: Page) => page.getByTestId('sync-state');

async function importFile(page: Page, json: string) {
  await page.goto(`${page.url().split('/').slice(0, 3).join('/')}/incidenten/delen`);
  await page
    .getByLabel('Kies een bestand (of sleep het hierheen)')
    .setInputFiles({ name: 'incident.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.getByRole('button', { name: 'Importeren' }).click();
  await page.getByText(/vastleggingen? toegevoegd/).waitFor({ timeout: 30_000 });
}

/** How many of the incident's events the server acknowledged to this phone. */
function ackedCount(page: Page, incidentId: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('handelingskader');
        open.onsuccess = () => {
          const get = open.result.transaction('syncIncidents').objectStore('syncIncidents').get(id);
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result?.acked.length ?? 0);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    incidentId,
  );
}

describe('team sync faults and deletion', () => {
  let team: Team;
  let a: Page;
  let b: Page;
  let origin: string;

  beforeAll(async () => {
    team = await startTeam();
    origin = team.server.origin;
    a = await team.phone();
    b = await team.phone();
    await pair(a, team.coordinatorLink, 'Coördinator A', 'Telefoon A');
    await pair(b, await inviteLink(a, origin, 'adviseur'), 'Adviseur B', 'Telefoon B');
  }, 120_000);

  afterAll(() => team?.close());

  it('syncs while the app is open outside the incidents (the framework on screen)', async () => {
    await b.goto(`${origin}/`);
    await b.getByRole('heading', { level: 1 }).first().waitFor();
    const incidentId = await createIncident(a, origin);
    await a.getByRole('button', { name: 'Delen met team' }).click();
    await a.getByText(/Gedeeld met team/).waitFor();
    const shared = await localEventIds(a, incidentId);
    await expect.poll(() => localEventIds(b, incidentId), { timeout: 20_000 }).toEqual(shared);
    expect(new URL(b.url()).pathname).toBe('/');
  });

  it('a shared incident deleted by the coordinator disappears on the server and on the other phone', async () => {
    const incidentId = await createIncident(a, origin, { street: 'Teamstraat', postcode: '1111 AA' });
    await a.getByRole('button', { name: 'Delen met team' }).click();
    await a.getByText(/Gedeeld met team/).waitFor();
    const own = await createIncident(b, origin, { street: 'Eigen straat', postcode: '9999 ZZ' });
    await expect.poll(async () => (await localEventIds(b, incidentId)).length, { timeout: 20_000 }).toBeGreaterThan(0);

    // An adviseur is told who can delete it, and is not offered the button.
    await b.goto(`${origin}/incidenten/${incidentId}/gegevens`);
    await b.getByText(/Alleen de coördinator van het team kan het verwijderen/).waitFor();
    expect(await b.getByRole('button', { name: 'Incident verwijderen…' }).count()).toBe(0);
    await b.goto(`${origin}/`);

    // Without the server nothing is deleted, and the coordinator is told why.
    await a.goto(`${origin}/incidenten/${incidentId}/gegevens`);
    await a.getByRole('button', { name: 'Incident verwijderen…' }).click();
    await a.getByText(/verdwijnt voor het hele team, van de server en van de apparaten van alle collega's/).waitFor();
    expect(await seriousViolations(a)).toEqual([]);
    await team.server.stop();
    await a.getByRole('button', { name: 'Ja, definitief verwijderen' }).click();
    await a
      .getByRole('alert')
      .getByText(/geen verbinding met de server van het team.*Er is niets verwijderd/)
      .waitFor();
    expect((await localEventIds(a, incidentId)).length).toBeGreaterThan(0);

    await team.server.start();
    await a.getByRole('button', { name: 'Ja, definitief verwijderen' }).click();
    await a.waitForURL(`${origin}/incidenten`);
    await expect.poll(() => a.locator(`a[href="/incidenten/${incidentId}"]`).count()).toBe(0);

    // Phone B, on the framework's home page, removes it when the purge reaches it; its own incident stays.
    await expect.poll(() => localEventIds(b, incidentId), { timeout: 30_000 }).toEqual([]);
    expect((await localEventIds(b, own)).length).toBeGreaterThan(0);
    await b.goto(`${origin}/incidenten`);
    await b.locator(`a[href="/incidenten/${own}"]`).waitFor();
    expect(await b.locator(`a[href="/incidenten/${incidentId}"]`).count()).toBe(0);

    // The server holds none of its events, and its access log says who deleted it.
    expect(await serverEventIds(origin, await tokenOf(b), incidentId)).toEqual([]);
    const access = await fetch(`${origin}/api/sync/v1/incidents/${incidentId}/access`, {
      headers: { Authorization: `Bearer ${await tokenOf(a)}` },
    });
    const { entries } = (await access.json()) as { entries: { access: string; deviceName: string }[] };
    expect(entries.at(-1)).toMatchObject({ access: 'purge', deviceName: 'Telefoon A' });
  }, 120_000);

  it('a refused merge names the incident and what to do, retries on "Opnieuw proberen", and recovers once the own copy is gone; entries of an outside phone stay local, and B is told', async () => {
    const { incidentId, json } = largeIncidentFile(await settingOf<string>(a, 'deviceId'), 2);
    // Phone B holds its own, different copy of the incident (same event ids, another text): a broken or edited file.
    const tampered = JSON.parse(json);
    tampered.incidents[0].events[1].payload.text = 'Een andere tekst onder hetzelfde id';
    await importFile(b, JSON.stringify(tampered));
    await importFile(a, json);
    await a.goto(`${origin}/incidenten/${incidentId}`);
    await a.getByRole('button', { name: 'Delen met team' }).click();
    await a.getByText(/Gedeeld met team/).waitFor();

    await b.goto(`${origin}/incidenten`);
    const refused = syncState(b).getByText(
      /passen niet bij wat op dit apparaat staat.*verwijder haar en tik op "Opnieuw proberen"/,
    );
    await refused.waitFor({ timeout: 20_000 });
    expect(await ackedCount(b, incidentId)).toBe(0);
    // The button tries again at once (a pull), and is refused again: nothing changed yet.
    const pulled = b.waitForRequest((r) => r.url().includes('/api/sync/v1/events?after='));
    await b.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await pulled;
    await refused.waitFor();
    expect(await seriousViolations(b)).toEqual([]);

    // As the message says: remove the own copy (not shared on this phone: deleted here only), then the team's comes in.
    await b.goto(`${origin}/incidenten/${incidentId}/gegevens`);
    await b.getByRole('button', { name: 'Incident verwijderen…' }).click();
    await b.getByText(/definitief van dit apparaat verwijderd/).waitFor();
    await b.getByRole('button', { name: 'Ja, definitief verwijderen' }).click();
    await b.waitForURL(`${origin}/incidenten`);
    // Deleting is a local change, which runs the client at once: no tap needed any more.
    await syncState(b)
      .getByText(/Gesynchroniseerd/)
      .waitFor({ timeout: 20_000 });
    await expect
      .poll(() => localEventIds(b, incidentId), { timeout: 20_000 })
      .toEqual(await localEventIds(a, incidentId));
    expect(await ackedCount(b, incidentId)).toBe(3);

    // A file from a phone outside the team adds an entry to the shared incident: B is told it stays on B.
    const fromOutside = JSON.parse(json);
    const last = fromOutside.incidents[0].events.at(-1);
    fromOutside.incidents[0].events.push({ ...last, id: ulid(), device: ulid(), payload: { text: 'Van buiten' } });
    await b.goto(`${origin}/incidenten/delen`);
    await b.getByLabel('Kies een bestand (of sleep het hierheen)').setInputFiles({
      name: 'buiten.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(fromOutside)),
    });
    const note = /1 vastlegging van een ander apparaat in het gedeelde incident .* blijft alleen op dit apparaat/;
    await b.getByText(note).waitFor();
    await b.getByRole('button', { name: 'Importeren' }).click();
    await b.getByRole('status').getByText(note).waitFor();
    await b.goto(`${origin}/incidenten/${incidentId}`);
    await b
      .getByText(/1 vastlegging van een ander apparaat \(uit een bestand\) staat alleen op dit apparaat/)
      .waitFor();
    expect(await serverEventIds(origin, await tokenOf(b), incidentId)).toHaveLength(3);
  }, 120_000);

  it('a server killed in the middle of a large push loses and doubles nothing; the phone says so and recovers', async () => {
    const device = await settingOf<string>(a, 'deviceId');
    const { incidentId, json } = largeIncidentFile(device, 2_499);
    await importFile(a, json);
    expect(
      await a
        .getByRole('status')
        .getByText(/2.500 vastleggingen toegevoegd/)
        .count(),
    ).toBe(1);

    // The push goes in batches of 1,000: kill -9 the server as the second batch leaves (the
    // batch may or may not have been stored and answered first: both must end the same).
    let pushes = 0;
    let killed: Promise<void> | undefined;
    await a.route('**/api/sync/v1/events', async (route) => {
      if (route.request().method() === 'POST' && ++pushes === 2) killed = team.server.kill();
      await route.continue();
    });
    await a.goto(`${origin}/incidenten/${incidentId}`);
    await a.getByRole('button', { name: 'Delen met team' }).click();
    await expect.poll(() => killed !== undefined, { timeout: 30_000 }).toBe(true);
    await killed;

    // The first batch was acknowledged before the second left; the state counts what still waits.
    await a.goto(`${origin}/incidenten`);
    const acked = await ackedCount(a, incidentId);
    expect([1_000, 2_000]).toContain(acked);
    const waiting = String(2_500 - acked).replace(/(\d)(\d{3})$/, '$1\\.?$2');
    await syncState(a)
      .getByText(new RegExp(`${waiting} wijzigingen wachten op verbinding`))
      .waitFor({ timeout: 20_000 });
    await a.getByRole('button', { name: 'Opnieuw proberen' }).waitFor({ timeout: 20_000 });

    // Back, without anyone touching the phone: the client's own retry (backoff) finishes the push.
    await team.server.start();
    await syncState(a)
      .getByText(/Gesynchroniseerd/)
      .waitFor({ timeout: 90_000 });
    const local = await localEventIds(a, incidentId);
    expect(local).toHaveLength(2_500);
    const onServer = await serverEventIds(origin, await tokenOf(b), incidentId);
    expect(new Set(onServer).size).toBe(onServer.length);
    expect([...onServer].sort()).toEqual(local);
    await expect.poll(() => localEventIds(b, incidentId), { timeout: 30_000 }).toEqual(local);
  }, 240_000);
});
