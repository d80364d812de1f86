import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Kader } from '../../src/content/schema.ts';
import { enterActorName } from './support/incident-helpers.ts';
import {
  appWithProfile,
  setPageHidden,
  startLockSetUp,
  unlockThroughUi,
  vergrendelButton,
} from './support/lock-helpers.ts';

/**
 * With the lock open, the partner page shows the municipality's internal contacts. Leaving
 * the gated sections (incidents, local layer) must not leave them uncovered: the task
 * switcher cover, auto-lock and "Vergrendel" hold on every route. Visibility is emulated
 * as in lock-cover.test.ts; time by Playwright's clock.
 */
describe('the lock on the content pages', () => {
  const env = appWithProfile();
  const kader = JSON.parse(readFileSync('dist/kader.json', 'utf8')) as Kader;
  const partner = kader.partners[0]!;
  const contact = `Piket${Date.now().toString(36)}`;

  /** In the app, as a tap on a link would: a page load would start locked. */
  const navigate = (page: Page, path: string) =>
    page.evaluate((path) => {
      history.pushState({}, '', path);
      dispatchEvent(new PopStateEvent('popstate'));
    }, path);

  it('covers, offers "Vergrendel" and locks itself on the partner page with a local contact', async () => {
    const page = await env.profile.context.newPage();
    await page.clock.install();
    await page.goto(`${env.server.origin}/lokaal`);
    await enterActorName(page, 'Coördinator Test');
    await page.getByLabel('Naam van de gemeente').fill('Rotterdam');
    await page.getByLabel('CBS-code').fill('gm0599');
    await page.getByRole('button', { name: 'Gemeente opslaan' }).click();
    await page.getByRole('link', { name: 'Contact toevoegen' }).click();
    await page.getByLabel('Naam', { exact: true }).fill(contact);
    await page.getByLabel('Landelijke partner').selectOption(partner.id);
    await page.getByLabel('Omschrijving nummer 1').fill('Piketlijn');
    await page.getByLabel('Nummer 1', { exact: true }).fill('010 123 45 67');
    await page.getByRole('button', { name: 'Contact opslaan' }).click();
    await page.getByRole('link', { name: new RegExp(contact) }).waitFor();
    await page.goto(`${env.server.origin}/incidenten/instellingen`);
    await startLockSetUp(page);
    await vergrendelButton(page).waitFor({ timeout: 60_000 });

    await navigate(page, '/partners');
    await page
      .locator(`[id="${partner.id}"]`)
      .getByRole('link', { name: /Bel Piketlijn/ })
      .waitFor();
    // By its address, not its role: a hidden link leaves the accessibility tree.
    const call = page.locator(`[id="${partner.id}"] a[href="tel:0101234567"]`);
    await vergrendelButton(page).waitFor();

    await setPageHidden(page, true);
    expect(await page.title()).toBe('Handelingskader Explosies');
    expect(await call.evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
    expect(await page.locator('.lock-gate--covered').count()).toBe(1);
    await setPageHidden(page, false);
    expect(await call.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');

    await setPageHidden(page, true);
    await page.clock.fastForward('05:01');
    await setPageHidden(page, false);
    // Locked: the national framework alone, and nothing left to lock.
    await call.waitFor({ state: 'detached' });
    expect(await vergrendelButton(page).count()).toBe(0);
    expect(await page.getByText(contact).count()).toBe(0);
  });

  it('locks from the header on a step page', async () => {
    const page = await env.profile.context.newPage();
    await page.goto(`${env.server.origin}/incidenten`);
    await page.getByRole('heading', { level: 1, name: 'Vergrendeld' }).waitFor();
    await unlockThroughUi(page);
    await vergrendelButton(page).waitFor({ timeout: 60_000 });
    const step = kader.phases[0]!.steps[0]!;
    await navigate(page, `/stap/${step.id}`);
    await page.getByRole('heading', { level: 1, name: step.title }).waitFor();
    await vergrendelButton(page).click();
    await vergrendelButton(page).waitFor({ state: 'detached' });
    await navigate(page, '/incidenten');
    await page.getByRole('heading', { level: 1, name: 'Vergrendeld' }).waitFor();
  });
});
