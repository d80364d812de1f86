import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrollsSideways, seriousViolations } from './support/axe.ts';
import { type AppServer, launchProfile, type Profile, startAppServer } from './support/browser.ts';
import { createIncident } from './support/incident-helpers.ts';

/** Issue 15: refused persistent storage said where it matters; a device clock behind the incident named. */

describe('nothing lost quietly, no nonsense from a wrong clock (issue 15)', () => {
  let server: AppServer;
  let profile: Profile;
  let page: Page;
  let incidentId = '';
  beforeAll(async () => {
    server = await startAppServer('dist');
    profile = await launchProfile();
    page = await profile.context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
  });
  afterAll(async () => {
    await profile.close();
    profile.remove();
    await server.stop();
  });

  it('says in a new incident, in one line, that storage is not persistent, with what it means one tap away', async () => {
    await page.goto(`${server.origin}/incidenten/nieuw`);
    // A fresh headless profile gets no persistent storage, as a browser tab often does not.
    expect(await page.evaluate(() => navigator.storage.persisted())).toBe(false);
    const summary = page.getByText('Opslag niet blijvend: wat betekent dit?');
    await summary.waitFor();
    expect(await page.getByText('mag de browser wat u hier vastlegt wissen').isVisible()).toBe(false);
    await summary.click();
    expect(await page.getByText('mag de browser wat u hier vastlegt wissen').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Delen en back-up' }).isVisible()).toBe(true);
  });

  it('says it on the incident list, and asking again always shows the answer', async () => {
    incidentId = await createIncident(page, server.origin);
    await page.goto(`${server.origin}/incidenten`);
    const notice = page.getByRole('region', { name: 'Uw gegevens staan niet blijvend op dit apparaat' });
    await notice.waitFor();
    const status = notice.getByRole('status');
    expect((await status.textContent())?.trim()).toBe('');
    await notice.getByRole('button', { name: 'Vraag blijvende opslag aan' }).click();
    await expect.poll(async () => (await status.textContent())?.trim().length ?? 0).toBeGreaterThan(20);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('names a device clock behind the incident time instead of a negative or "not begun" time', async () => {
    const behind = await profile.context.newPage();
    await behind.setViewportSize({ width: 320, height: 640 });
    // The same stored incident, read on a device whose clock is a day behind.
    await behind.clock.install({ time: Date.now() - 24 * 60 * 60_000 });
    await behind.goto(`${server.origin}/incidenten/${incidentId}`);
    const header = behind.getByTestId('time-since');
    await header.waitFor();
    expect(await header.textContent()).toContain('De klok van dit apparaat loopt achter op dat tijdstip');
    expect(await header.textContent()).not.toMatch(/nog niet begonnen|-\d/);
    expect(await scrollsSideways(behind)).toBe(false);
    await behind.close();
  });
});
