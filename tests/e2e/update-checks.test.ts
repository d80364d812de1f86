import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppServer,
  launchProfile,
  type Profile,
  startAppServer,
  waitForServiceWorkerControl,
} from './support/browser.ts';
import { createIncident } from './support/incident-helpers.ts';

/**
 * Issue 15: an app left open for hours still learns of a new version (on returning to the
 * foreground, and hourly), and a tab whose database another tab's update closed shows one notice.
 */

const NEW_VERSION = 'Er is een nieuwe versie van de app.';

/** The document as if the adviser switched back to the app (headless Chromium never hides a page). */
function returnToForeground(page: Page): Promise<void> {
  return page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

/** The first visit installs the worker; from the reload on it serves the app, as on an installed phone. */
async function openInstalled(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await waitForServiceWorkerControl(page);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // Chromium checks for an update itself a few seconds after a navigation, once the worker is idle.
  // Let that pass first: the check under test is the app's own, long after the last page load.
  await page.waitForTimeout(6000);
}

describe('learning of a new version while open (issue 15)', () => {
  let root: string;
  let server: AppServer;
  const profiles: Profile[] = [];
  /** Publishes a new version: the service worker script changes, as with every release. */
  let release = 1;
  const publish = () => appendFileSync(join(root, 'sw.js'), `\n// release ${++release}\n`);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'hke-dist-'));
    cpSync('dist', root, { recursive: true });
    server = await startAppServer(root);
  });
  afterAll(async () => {
    for (const profile of profiles) {
      await profile.close();
      profile.remove();
    }
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  async function newProfile(): Promise<Profile> {
    const profile = await launchProfile();
    profiles.push(profile);
    return profile;
  }

  it('checks for a new version when the app returns to the foreground', async () => {
    const page = await (await newProfile()).context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await openInstalled(page, `${server.origin}/`);
    publish();
    // Without a check nothing happens: no page load, no update.
    await page.waitForTimeout(1500);
    expect(await page.getByText(NEW_VERSION).count()).toBe(0);
    await returnToForeground(page);
    await page.getByText(NEW_VERSION).waitFor();
    expect(await page.getByRole('button', { name: 'Bijwerken' }).isVisible()).toBe(true);
  });

  it('checks every hour while the app stays open and online', async () => {
    const page = await (await newProfile()).context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.clock.install();
    await openInstalled(page, `${server.origin}/`);
    publish();
    await page.clock.fastForward('59:00');
    await page.waitForTimeout(1500);
    expect(await page.getByText(NEW_VERSION).count()).toBe(0);
    await page.clock.fastForward('01:30');
    await page.getByText(NEW_VERSION).waitFor();
  });

  it('shows one notice when another tab updated and closed the database, and a write says to reload', async () => {
    const profile = await newProfile();
    const here = await profile.context.newPage();
    await here.setViewportSize({ width: 360, height: 740 });
    await openInstalled(here, `${server.origin}/`);
    const incidentId = await createIncident(here, server.origin);
    await here.goto(`${server.origin}/incidenten/${incidentId}/logboek`);
    await here.getByLabel('Nieuwe logregel').fill('Buurtbewoners ingelicht');

    // From here on this tab must never navigate by itself: the adviser is typing in it.
    let hereNavigations = 0;
    here.on('framenavigated', (frame) => {
      if (frame === here.mainFrame()) hereNavigations++;
    });
    publish();
    const other = await profile.context.newPage();
    await other.goto(`${server.origin}/`);
    await other.getByText(NEW_VERSION).waitFor();
    // The tab where the adviser taps "Bijwerken" reloads into the new version (and only that one).
    const otherReloaded = other.waitForEvent('load');
    await other.getByRole('button', { name: 'Bijwerken' }).click();
    // This tab did not ask for the update: it offers a reload, it does not do one.
    await here.getByText('Herlaad deze pagina wanneer het u uitkomt.').waitFor();
    await otherReloaded;
    await other.getByRole('heading', { level: 1 }).first().waitFor();

    // The new version's first start upgrades the database, which closes this tab's connection.
    await other.evaluate(async () => {
      const known = (await indexedDB.databases()).find((db) => db.name === 'handelingskader');
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('handelingskader', (known?.version ?? 1) + 10);
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      });
    });
    await here.getByText('Herlaad deze pagina om verder te werken.').waitFor();
    expect(await here.locator('.banner').count()).toBe(1);
    expect(await here.getByText('wanneer het u uitkomt').count()).toBe(0);

    await here.getByRole('button', { name: 'Logregel opslaan' }).click();
    const refusal = here.locator('main').getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Herlaad deze pagina');
    expect(await refusal.textContent()).not.toContain('Probeer het opnieuw');
    // What was typed stays on screen, for after the reload.
    expect(await here.getByLabel('Nieuwe logregel').inputValue()).toBe('Buurtbewoners ingelicht');
    expect(hereNavigations).toBe(0);
  });
});
