import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, launchProfile, type Profile, startAppServer } from './support/browser.ts';

/** Issue 15 at 360 × 740 and 320 × 640: quick at the scene, a timeline that cannot lie, decisions with terms. */

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A moment `minutes` from now as the browser's datetime-local value (its own time zone). */
function localInput(page: Page, minutes: number): Promise<string> {
  return page.evaluate((m) => {
    const d = new Date(Date.now() + m * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, minutes);
}

describe('at the scene (issue 15)', () => {
  let server: AppServer;
  let profile: Profile;
  let page: Page;
  let incidentId = '';
  beforeAll(async () => {
    server = await startAppServer('dist');
    profile = await launchProfile();
    page = await profile.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
  });
  afterAll(async () => {
    await profile.close();
    profile.remove();
    await server.stop();
  });

  it('starts from the home screen; an empty form shows every error at once, focus on the first', async () => {
    await page.goto(`${server.origin}/`);
    await page.getByRole('link', { name: 'Incident starten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw incident' }).waitFor();
    // First use: the name is a field of this form, not a screen before it.
    const name = page.getByLabel('Naam of initialen');
    await name.waitFor();
    // The whole page on first use (name field, storage warning, lock offer), header and bottom navigation
    // included; only the one-off "works offline" banner of a first visit is not counted.
    const pageHeight = await page.evaluate(
      () =>
        document.documentElement.scrollHeight -
        (document.querySelector('[data-testid="offline-ready"]')?.getBoundingClientRect().height ?? 0),
    );
    expect(pageHeight).toBeLessThanOrEqual(2 * 740);

    await page.getByLabel('Datum en tijd van het incident').fill('');
    await page.getByRole('button', { name: 'Incident starten' }).click();
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    const invalid = page.locator('[aria-invalid="true"]');
    expect(await invalid.count()).toBe(4);
    for (const field of await invalid.all()) {
      const describedBy = (await field.getAttribute('aria-describedby'))!;
      expect((await page.locator(`[id="${describedBy}"]`).textContent())?.length).toBeGreaterThan(5);
    }
    await page.getByText('Vul de gemeente in.').waitFor();
    await page.getByText('Vul straat en huisnummer in, of beschrijf de locatie.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/incidenten/nieuw');
  });

  it('refuses an incident time in the future next to the field, then starts the incident', async () => {
    await page.getByLabel('Naam of initialen').fill('T. Est');
    await page.getByLabel('Straat').fill('Kerkstraat');
    await page.getByLabel('Huisnummer').fill('12');
    await page.getByLabel('Gemeente').fill('Utrecht');
    const time = page.getByLabel('Datum en tijd van het incident');
    await time.fill(await localInput(page, 120));
    await page.getByRole('button', { name: 'Incident starten' }).click();
    await page.getByText('Dit tijdstip ligt in de toekomst').waitFor();
    expect(await time.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(1);

    await time.fill(await localInput(page, -10));
    await page.getByRole('button', { name: 'Incident starten' }).click();
    await page.getByTestId('time-since').waitFor();
    incidentId = new URL(page.url()).pathname.split('/')[2]!;
  });

  it('shows the first step without scrolling: header and tabs take at most a third of the screen', async () => {
    // The one-off "works offline" banner of a first visit is not part of the header.
    const offlineBanner = page.getByTestId('offline-ready');
    if (await offlineBanner.isVisible()) await offlineBanner.getByRole('button', { name: 'Sluiten' }).click();
    const tabsBottom = await page.locator('.sub-nav').evaluate((nav) => nav.getBoundingClientRect().bottom);
    expect(tabsBottom).toBeLessThanOrEqual(740 / 3);
    const firstStep = await page
      .locator('.checklist__item')
      .first()
      .evaluate((el) => el.getBoundingClientRect().top);
    expect(firstStep).toBeLessThan(740 - 56);
    // The bottom navigation says where the adviser is.
    expect(await page.getByRole('link', { name: 'Incidenten', exact: true }).getAttribute('aria-current')).toBe(
      'location',
    );
  });

  it('remembers the municipality for the next incident', async () => {
    await page.goto(`${server.origin}/incidenten/nieuw`);
    await expect.poll(() => page.getByLabel('Gemeente').inputValue()).toBe('Utrecht');
    // The name was saved with the first incident: not asked again.
    expect(await page.getByLabel('Naam of initialen').count()).toBe(0);
  });

  it('refuses a log entry dated in the future, next to the time field', async () => {
    await page.goto(`${server.origin}/incidenten/${incidentId}/logboek`);
    await page.getByLabel('Nieuwe logregel').fill('Politie ter plaatse');
    const when = page.getByLabel('Wanneer gebeurde het? (leeg = nu)');
    await when.fill(await localInput(page, 24 * 60));
    await page.getByRole('button', { name: 'Logregel opslaan' }).click();
    await page.getByText('Dit tijdstip ligt in de toekomst').waitFor();
    expect(await when.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.timeline__item', { hasText: 'Politie ter plaatse' }).count()).toBe(0);

    await when.fill(await localInput(page, -5));
    await page.getByRole('button', { name: 'Logregel opslaan' }).click();
    await page.locator('.timeline__item', { hasText: 'Politie ter plaatse' }).waitFor();
  });

  it("shows a decision's term as due, on the incident and in the incident list", async () => {
    await page.goto(`${server.origin}/incidenten/${incidentId}/besluit`);
    // Full names: the three grounds of 174a are told apart at 360 px.
    await page.getByRole('radio', { name: /ernstig geweld \(b-grond\)/ }).check();
    await page
      .getByLabel('Motivering (geschikt, noodzakelijk, evenwichtig)')
      .fill('Ernstig geweld, vrees voor herhaling.');
    const inThreeDays = await page.evaluate(() => {
      const d = new Date(Date.now() + 3 * 86_400_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    });
    await page.getByLabel('Loopt af op').fill(inThreeDays);
    await page.getByRole('button', { name: 'Besluit opslaan' }).click();
    await page.waitForURL(`**/incidenten/${incidentId}/logboek`);
    await page.locator('.decision-summary', { hasText: 'Ernstig geweld, vrees voor herhaling.' }).waitFor();

    await page.goto(`${server.origin}/incidenten/${incidentId}`);
    await page.getByTestId('due-list').getByText('Sluiting loopt af over 3 dagen').waitFor();
    await page.goto(`${server.origin}/incidenten`);
    await page.getByTestId('due-line').getByText('Sluiting loopt af over 3 dagen').waitFor();
  });

  it('offers to mark the step done after a decision there, and counts each decision once', async () => {
    const step = 'direct-na.besluit-sluiting-woning';
    await page.goto(`${server.origin}/incidenten/${incidentId}/stap/${step}`);
    // The decision recorded from the logbook belongs to an earlier step: linked here, not counted again.
    await page.locator('.entry--linked', { hasText: 'is vastgelegd bij' }).waitFor();
    await page.getByRole('link', { name: /^Besluit vastleggen: .*\(b-grond\)/ }).click();
    expect(await page.getByRole('radio', { name: /ernstig geweld \(b-grond\)/ }).isChecked()).toBe(true);
    await page.getByLabel('Motivering (geschikt, noodzakelijk, evenwichtig)').fill('Sluiting voor drie maanden.');
    await page.getByRole('button', { name: 'Besluit opslaan' }).click();
    await page.getByRole('button', { name: 'Stap als gedaan markeren' }).click();
    await page.getByText('Deze stap staat op gedaan.').waitFor();
    expect(await page.locator('.decision-summary').count()).toBe(1);
    expect(await page.locator('.entry--linked').count()).toBe(1);
  });

  it('has no sideways scrolling at 320 px and no serious accessibility violations on these routes', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server.origin}/incidenten/${incidentId}`);
    const stepPath = (await page.locator('.checklist__title').first().getAttribute('href'))!;
    const routes = [
      stepPath,
      '/fase/direct-na',
      '/',
      '/incidenten',
      '/incidenten/nieuw',
      `/incidenten/${incidentId}`,
      `/incidenten/${incidentId}/logboek`,
      `/incidenten/${incidentId}/besluit`,
      // With a closure chosen: the term fields with the duration shortcut.
      `/incidenten/${incidentId}/besluit?instrument=gemw-174a-b`,
      `/incidenten/${incidentId}/gegevens`,
      `/incidenten/${incidentId}/dossier`,
      '/over',
      '/instrumenten',
      '/instrument/gemw-174a-b',
      '/partners',
      '/begrippen',
      '/wijzigingen',
      '/zoeken?q=sluiting',
      '/incidenten/instellingen',
      '/incidenten/delen',
      '/incidenten/team',
      '/incidenten/netwerk',
    ];
    for (const route of routes) {
      await page.goto(`${server.origin}${route}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, route).toBeLessThanOrEqual(320);
      expect(await seriousViolations(page), route).toEqual([]);
      // WCAG 2.2 target size: a link in running text is at least 24 px tall.
      const smallLinks = await page.$$eval('main p a, main li a, main dd a', (links) =>
        links
          .filter((link) => (link as HTMLElement).offsetParent && link.getBoundingClientRect().height < 24)
          .map((link) => link.textContent),
      );
      expect(smallLinks, route).toEqual([]);
    }
  });
});
