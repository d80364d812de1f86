import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeLocalLayer } from '../../scripts/bench/page-store.ts';
import { emptyLayer, localStep } from '../unit/local/local-fixtures.ts';
import { type AppServer, launchProfile, type Profile, startAppServer } from './support/browser.ts';

/**
 * The app shows the framework with the stored local layer laid over it, after the first render
 * (national content first, never waiting for the database), in the phase pages and in search.
 * The layer is written straight into IndexedDB here: the editor is tested with its screens.
 */
describe('the local layer in the app', () => {
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

  it('shows a stored local step in its phase, after its national step, and finds it in search', async () => {
    const page = await profile.context.newPage();
    await page.goto(`${server.origin}/fase/direct-na`);
    const firstStep = page.locator('main a[href^="/stap/direct-na."]').first();
    await firstStep.waitFor();
    const after = decodeURIComponent((await firstStep.getAttribute('href'))!.replace('/stap/', ''));
    // Once the app has created its database (after the first render): page-store.ts waits for that.
    await storeLocalLayer(page, {
      ...emptyLayer(),
      revision: 1,
      steps: [
        {
          ...localStep('direct-na', 'buurtapp', after),
          title: 'Beheerders buurtapp Zuidoost bellen',
          what: 'Bel de beheerders van de buurtapps in de straat.',
          why: 'Zij kunnen geruchten bijsturen.',
          kind: 'communicatie',
          targets: ['woning', 'bedrijf', 'voertuig'],
          timeWindow: 'eerste-uur',
        },
      ],
    });
    await page.reload();
    const local = page.locator('main a[href="/stap/direct-na.gm0363-buurtapp"]');
    await local.waitFor();
    const order = await page
      .locator('main a[href^="/stap/direct-na."]')
      .evaluateAll((links) =>
        links.map((link) => decodeURIComponent(link.getAttribute('href')!.replace('/stap/', ''))),
      );
    expect(order.indexOf('direct-na.gm0363-buurtapp')).toBe(order.indexOf(after) + 1);

    await page.goto(`${server.origin}/zoeken?q=buurtapp%20zuidoost`);
    await page.locator('main a[href="/stap/direct-na.gm0363-buurtapp"]').waitFor();
    await page.close();
  });
});
