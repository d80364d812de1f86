import { describe, expect, it } from 'vitest';
import { launchProfile } from './support/browser.ts';
import { createIncident } from './support/incident-helpers.ts';
import { appWithProfile, gotoUnlocked, incidentThenLock, setPageHidden } from './support/lock-helpers.ts';

/**
 * The task switcher keeps a snapshot of the app taken as it goes to the background.
 * With the lock on, the moment the page is hidden its screens are covered and the tab
 * title is neutral. Headless Chromium never hides a page, so visibility is emulated
 * (document.visibilityState and the visibilitychange event), as in lock-profile.test.ts.
 */
describe('hiding the app with the lock on', () => {
  const env = appWithProfile();
  const street = `Dekweg${Date.now().toString(36)}`;

  it('covers personal content and the title while hidden, and shows them again on return', async () => {
    const { page, incidentId } = await incidentThenLock(env, street);
    await gotoUnlocked(page, `${env.server.origin}/incidenten/${incidentId}`);
    const address = page.getByText(street).first();
    await address.waitFor();
    // As a screen with a personal title would set it (the network pages show an incident's title).
    await page.evaluate((street) => {
      document.title = `${street} · Handelingskader Explosies`;
    }, street);
    const setHidden = (hidden: boolean) => setPageHidden(page, hidden);
    const addressVisibility = () => address.evaluate((el) => getComputedStyle(el).visibility);

    await setHidden(true);
    expect(await page.title()).toBe('Handelingskader Explosies');
    expect(await addressVisibility()).toBe('hidden');
    expect(await page.locator('.lock-gate--covered').count()).toBe(1);
    // A screen that renders while hidden does not bring a personal title back.
    await page.evaluate((street) => {
      document.title = `${street} · Handelingskader Explosies`;
    }, street);
    await page.waitForFunction(() => document.title === 'Handelingskader Explosies');
    const shot = await page.screenshot();
    expect(shot.length).toBeGreaterThan(0);

    await setHidden(false);
    expect(await page.title()).toBe(`${street} · Handelingskader Explosies`);
    expect(await addressVisibility()).toBe('visible');
    expect(await page.locator('.lock-gate--covered').count()).toBe(0);
  });

  it('leaves the page as it is without a lock', async () => {
    const other = await launchProfile();
    try {
      const page = await other.context.newPage();
      const incidentId = await createIncident(page, env.server.origin, { street });
      await page.goto(`${env.server.origin}/incidenten/${incidentId}`);
      await page.getByText(street).first().waitFor();
      const before = await page.title();
      await page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      expect(await page.title()).toBe(before);
      expect(await page.locator('.lock-gate--covered').count()).toBe(0);
    } finally {
      await other.close();
      other.remove();
    }
  });
});
