import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { createIncident } from './support/incident-helpers.ts';
import {
  localEventIds,
  pair,
  serverEventIds,
  settingOf,
  startTeam,
  type Team,
  tokenOf,
} from './support/team-phones.ts';

/**
 * A team server restored from an earlier backup while a phone is connected (issue 13,
 * docs/sync-protocol.md "Cursor check"): the server's PGlite data folder is copied while it is
 * stopped (a file-level backup), the phone goes on working, and later the copy is put back and
 * the server started again on the same origin. The server has then forgotten the phone's last
 * changes, and its feed no longer holds the change the phone's cursor stands on: the phone must
 * notice (cursor-unknown), say so in Dutch, offer its own changes again and lose nothing.
 */

const syncState = (page: Page) => page.getByTestId('sync-state');
const isEventsPath = (url: URL) => url.pathname === '/api/sync/v1/events';

/** The cursor after the last change of the team's feed, as the server gives it now. */
async function serverCursor(origin: string, token: string): Promise<string> {
  let after = '0';
  for (;;) {
    const response = await fetch(`${origin}/api/sync/v1/events?after=${after}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { cursor: string; more: boolean };
    after = body.cursor;
    if (!body.more) return after;
  }
}

/** The team's local layer on the server: its revision and contact names. */
async function serverLayer(origin: string, token: string): Promise<{ revision: number; contacts: string[] }> {
  const response = await fetch(`${origin}/api/sync/v1/local-layer`, { headers: { Authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { revision: number; file?: { layer: { contacts: { name: string }[] } } };
  return { revision: body.revision, contacts: (body.file?.layer.contacts ?? []).map((c) => c.name) };
}

async function addLogEntry(page: Page, text: string) {
  await page.getByLabel('Nieuwe logregel').fill(text);
  await page.getByRole('button', { name: 'Logregel opslaan' }).click();
  await page.locator('.entry__text', { hasText: text }).waitFor();
}

describe('a team server restored from an earlier backup while a phone is connected', () => {
  let team: Team;
  let a: Page;
  let origin: string;
  const backupDir = mkdtempSync(join(tmpdir(), 'hke-sync-backup-'));

  beforeAll(async () => {
    team = await startTeam();
    origin = team.server.origin;
    a = await team.phone();
    await pair(a, team.coordinatorLink, 'Adviseur A', 'Telefoon A');
  }, 120_000);

  afterAll(async () => {
    await team?.close();
    rmSync(backupDir, { recursive: true, force: true });
  });

  /** Server stopped, `work` done on its data folder, started again; the phone is told at once (no backoff wait). */
  async function withServerStopped(work: () => void) {
    await team.server.stop();
    work();
    await team.server.start();
    await a.evaluate(() => window.dispatchEvent(new Event('online')));
  }

  it('the phone says what happened, offers its own changes and the local layer again and loses nothing; the server ends with them', async () => {
    const token = await tokenOf(a);
    // The coordinator's phone sets up the team's local layer (revision 1 on the server).
    await a.goto(`${origin}/lokaal`);
    await a.getByLabel('Naam van de gemeente').fill('Rotterdam');
    await a.getByLabel('CBS-code').fill('gm0599');
    await a.getByRole('button', { name: 'Gemeente opslaan' }).click();
    await expect.poll(() => serverLayer(origin, token), { timeout: 30_000 }).toEqual({ revision: 1, contacts: [] });

    const incidentId = await createIncident(a, origin);
    await a.getByRole('button', { name: 'Delen met team' }).click();
    await a.getByText(/Gedeeld met team/).waitFor();
    const shared = await localEventIds(a, incidentId);
    await expect
      .poll(async () => (await serverEventIds(origin, token, incidentId)).sort(), { timeout: 30_000 })
      .toEqual(shared);

    // The backup: a copy of the data folder, taken while the server is stopped.
    await withServerStopped(() => cpSync(team.server.dataDir, backupDir, { recursive: true }));

    // After the backup the phone works on: two entries, pushed, and pulled back past the backup's end.
    await a.getByRole('link', { name: 'Logboek' }).click();
    await addLogEntry(a, 'Na de back-up: politie heeft de straat afgezet');
    await addLogEntry(a, 'Na de back-up: bewoners opgevangen in buurthuis');
    const mine = await localEventIds(a, incidentId);
    expect(mine.length).toBe(shared.length + 2);
    await expect
      .poll(async () => (await serverEventIds(origin, token, incidentId)).sort(), { timeout: 60_000 })
      .toEqual(mine);
    // And a contact in the local layer: revision 2, agreed with the server.
    await a.goto(`${origin}/lokaal`);
    await a.getByRole('link', { name: 'Contact toevoegen' }).click();
    await a.getByLabel('Naam', { exact: true }).fill('Woonstad calamiteitenlijn');
    await a.getByLabel('Omschrijving nummer 1').fill('Piketlijn');
    await a.getByLabel('Nummer 1', { exact: true }).fill('010 123 45 67');
    await a.getByRole('button', { name: 'Contact opslaan' }).click();
    await expect
      .poll(() => serverLayer(origin, token), { timeout: 30_000 })
      .toEqual({ revision: 2, contacts: ['Woonstad calamiteitenlijn'] });
    await expect
      .poll(async () => (await settingOf<{ localLayer?: { serverRevision: number } }>(a, 'syncTeam')).localLayer, {
        timeout: 30_000,
      })
      .toMatchObject({ serverRevision: 2 });
    const latest = await serverCursor(origin, token);
    await expect
      .poll(async () => (await settingOf<{ cursor: string }>(a, 'syncTeam')).cursor, { timeout: 60_000 })
      .toBe(latest);
    await a.goto(`${origin}/incidenten`);
    await syncState(a)
      .getByText(/Gesynchroniseerd/)
      .waitFor({ timeout: 30_000 });

    // Hold the phone's pushes for a moment (a slow network), so the catching-up line can be read
    // before the re-offer completes; everything else goes through as it comes.
    const held: Route[] = [];
    let holding = true;
    await a.route(isEventsPath, async (route) => {
      if (holding && route.request().method() === 'POST') held.push(route);
      else await route.fallback();
    });
    const refused = a.waitForResponse((r) => r.url().includes('/api/sync/v1/events?after=') && r.status() === 409, {
      timeout: 120_000,
    });

    // The restore: the server stopped, the backup's data folder put back, the server started on the same origin.
    await withServerStopped(() => {
      rmSync(team.server.dataDir, { recursive: true, force: true });
      cpSync(backupDir, team.server.dataDir, { recursive: true });
    });
    expect((await serverEventIds(origin, token, incidentId)).sort()).toEqual(shared);
    expect((await serverLayer(origin, token)).revision).toBe(1);
    expect(((await (await refused).json()) as { error: { code: string } }).error.code).toBe('cursor-unknown');

    // The phone says what happened, in Dutch, and how many of its own changes it sends again.
    await syncState(a)
      .getByText(
        `De teamserver is teruggezet of hersteld: alles wordt opnieuw opgehaald… ${mine.length} wijzigingen van dit apparaat worden opnieuw verstuurd.`,
      )
      .waitFor({ timeout: 30_000 });
    // The count is beside the live region, not in it: a recount is not announced.
    expect(await syncState(a).getByRole('status').textContent()).toMatch(/opnieuw opgehaald…$/);
    await expect.poll(() => held.length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await seriousViolations(a)).toEqual([]);
    // Nothing was removed from the phone meanwhile.
    expect(await localEventIds(a, incidentId)).toEqual(mine);

    holding = false;
    for (const route of held.splice(0)) await route.fallback();
    await a.unroute(isEventsPath);
    await syncState(a)
      .getByText(/Gesynchroniseerd/)
      .waitFor({ timeout: 60_000 });

    // The server holds every event of the phone again, each once; the phone still has them all.
    const onServer = await serverEventIds(origin, token, incidentId);
    expect(new Set(onServer).size).toBe(onServer.length);
    expect([...onServer].sort()).toEqual(mine);
    expect(await localEventIds(a, incidentId)).toEqual(mine);
    // The server's layer was set back to revision 1: the phone offered its agreed layer again.
    await expect
      .poll(() => serverLayer(origin, token), { timeout: 30_000 })
      .toEqual({ revision: 2, contacts: ['Woonstad calamiteitenlijn'] });
    // And the entries written after the backup are on screen as before.
    await a.goto(`${origin}/incidenten/${incidentId}/logboek`);
    await a.locator('.entry__text', { hasText: 'Na de back-up: bewoners opgevangen in buurthuis' }).waitFor();
  }, 240_000);
});
