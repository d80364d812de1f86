import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, launchOwnedChromium, type OwnedBrowser, startAppServer } from './support/browser.ts';
import { checklistTitles, createIncident, statusButton } from './support/incident-helpers.ts';

const STATUSES = ['Gedaan', 'Gedaan', 'Later', 'Gedaan', 'N.v.t.'] as const;

describe('an incident worked offline survives a killed browser', () => {
  let server: AppServer;
  let browser: OwnedBrowser | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'hke-kill-'));
  let incidentId = '';
  let titles: string[] = [];
  const note = 'Buren op nummer 10 en 14 gesproken <b>niet vet</b>';
  const motivation = 'Sluiting is geschikt en nodig; kinderen zijn elders opgevangen.';

  beforeAll(async () => {
    server = await startAppServer('dist');
    browser = await launchOwnedChromium(dir);
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await server.stop();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    // Chromium's helper processes may still be closing files in the profile.
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });

  it('records an incident, five steps, a note and a decision with the server stopped', async () => {
    const page = await browser!.context.newPage();
    incidentId = await createIncident(page, server.origin);
    titles = await checklistTitles(page, 5);
    expect(titles).toHaveLength(5);
    for (const [i, status] of STATUSES.entries()) {
      await statusButton(page, titles[i]!, status).click();
      if (status === 'N.v.t.') {
        await page.getByLabel('Waarom niet van toepassing?').fill('Geen bewoners aanwezig');
        await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
      }
      // Acknowledged: the pressed state comes from the database, not from the tap.
      await expect.poll(() => statusButton(page, titles[i]!, status).getAttribute('aria-pressed')).toBe('true');
    }

    await page.getByRole('link', { name: titles[0]! }).click();
    await page.getByLabel('Nieuwe notitie').fill(note);
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await page.locator('.entry__text', { hasText: 'Buren op nummer 10' }).waitFor();

    await page.goto(`${server.origin}/incidenten/${incidentId}/besluit`);
    await page.getByRole('group', { name: 'Juridisch instrument' }).getByRole('radio').first().check();
    await page.getByLabel('Motivering (geschikt, noodzakelijk, evenwichtig)').fill(motivation);
    await page.getByRole('button', { name: 'Besluit opslaan' }).click();
    await page.locator('.timeline__item--besluit', { hasText: motivation }).waitFor();
  });

  it('still has all of it after SIGKILL and a relaunch of the same profile, offline', async () => {
    await browser!.kill();
    browser = await launchOwnedChromium(dir);
    const page: Page = await browser.context.newPage();
    await page.goto(`${server.origin}/incidenten/${incidentId}?fase=direct-na`);
    await page.getByTestId('time-since').waitFor();
    for (const [i, status] of STATUSES.entries()) {
      expect(await statusButton(page, titles[i]!, status).getAttribute('aria-pressed')).toBe('true');
    }
    await page.getByRole('link', { name: titles[0]! }).click();
    // Shown as text: the tags are visible characters, not markup.
    const shown = page.locator('.entry__text', { hasText: 'Buren op nummer 10' });
    expect(await shown.textContent()).toBe(note);
    expect(await shown.locator('b').count()).toBe(0);
    await page.getByRole('link', { name: 'Logboek' }).click();
    await page.locator('.timeline__item--besluit', { hasText: motivation }).waitFor();
    expect(await page.locator('.timeline__item', { hasText: 'Geen bewoners aanwezig' }).count()).toBe(1);
  });
});
