import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, launchProfile, type Profile, startAppServer } from './support/browser.ts';

describe('the install hint on "Over deze app"', () => {
  let server: AppServer;
  let profile: Profile;
  beforeAll(async () => {
    server = await startAppServer('dist');
    profile = await launchProfile();
  });
  afterAll(async () => {
    await profile.close();
    profile.remove();
    await server.stop();
  });

  const open = async (page: Page) => {
    await page.goto(`${server.origin}/over`);
    await page.getByTestId('storage-persisted').waitFor();
  };

  it('explains "Zet op beginscherm" for Android and iOS in a browser tab, fits 320 px, sizes in Dutch', async () => {
    const page = await profile.context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    await open(page);
    const hint = page.getByRole('region', { name: 'Zet op beginscherm' });
    await hint.getByText(/Android \(Chrome\):/).waitFor();
    await hint.getByText(/iPhone en iPad \(Safari\):/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const used = page.getByText(/ MB van /);
    await used.waitFor();
    expect(await used.textContent()).toMatch(/^\d{1,3}(\.\d{3})*,\d MB van \d{1,3}(\.\d{3})*,\d MB$/);
    expect(await used.textContent()).toMatch(/^\d{1,3}(\.\d{3})*,\d MB van \d{1,3}(\.\d{3})*,\d MB$/);
    await page.close();
  });

  for (const [label, stub] of [
    ['installed on Android (display-mode standalone)', 'display-mode'],
    ['installed on iOS (navigator.standalone)', 'ios'],
  ] as const) {
    it(`is not shown when ${label}`, async () => {
      const page = await profile.context.newPage();
      await page.addInitScript((kind) => {
        if (kind === 'ios') Object.defineProperty(navigator, 'standalone', { value: true, configurable: true });
        else {
          const original = window.matchMedia.bind(window);
          window.matchMedia = (query: string) =>
            query.includes('display-mode: standalone')
              ? ({ ...original(query), matches: true } as MediaQueryList)
              : original(query);
        }
      }, stub);
      await open(page);
      await page.getByRole('heading', { name: 'Over de inhoud' }).waitFor();
      expect(await page.getByTestId('install-hint').count()).toBe(0);
      await page.close();
    });
  }
});
