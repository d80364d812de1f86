import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrollsSideways, seriousViolations } from './support/axe.ts';
import { type AppServer, launchProfile, type Profile, startAppServer } from './support/browser.ts';
import { createIncident } from './support/incident-helpers.ts';

/** Issue 15: an early log time is confirmed first; a decision's term by duration, and corrected after saving. */

/** The browser's calendar date `days` from today, as an <input type="date"> value. */
function dateInput(page: Page, days: number): Promise<string> {
  return page.evaluate((n) => {
    const d = new Date(Date.now() + n * 86_400_000);
    const pad = (x: number) => String(x).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }, days);
}

describe('records that can be confirmed and corrected (issue 15)', () => {
  let server: AppServer;
  let profile: Profile;
  let page: Page;
  let incidentId = '';
  const step = 'direct-na.besluit-sluiting-woning';
  beforeAll(async () => {
    server = await startAppServer('dist');
    profile = await launchProfile();
    page = await profile.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    incidentId = await createIncident(page, server.origin);
  });
  afterAll(async () => {
    await profile.close();
    profile.remove();
    await server.stop();
  });

  it('asks to confirm a log time more than a day before the incident, next to the field, before saving', async () => {
    await page.goto(`${server.origin}/incidenten/${incidentId}/logboek`);
    await page.getByLabel('Nieuwe logregel').fill('Eerdere melding van bedreiging');
    const threeDaysAgo = `${await dateInput(page, -3)}T10:00`;
    await page.getByLabel('Wanneer gebeurde het? (leeg = nu)').fill(threeDaysAgo);
    await page.getByRole('button', { name: 'Logregel opslaan' }).click();
    const question = page.getByRole('alert').filter({ hasText: 'ligt meer dan een dag vóór het incident' });
    await question.waitFor();
    expect(await question.textContent()).toContain('Klopt dit tijdstip?');
    const entry = page.locator('.timeline__item', { hasText: 'Eerdere melding van bedreiging' });
    expect(await entry.count()).toBe(0);

    await question.getByRole('button', { name: 'Ja, zo opslaan' }).click();
    await entry.waitFor();
    // Recorded now, happened three days ago: the logbook shows both moments.
    expect(await entry.locator('.timeline__time').textContent()).toContain('vastgelegd');
    expect(await question.count()).toBe(0);
  });

  it('asks the same when a correction moves a log time to long before the incident', async () => {
    await page.getByLabel('Nieuwe logregel').fill('Politie ter plaatse');
    await page.getByRole('button', { name: 'Logregel opslaan' }).click();
    const entry = page.locator('.timeline__item', { hasText: 'Politie ter plaatse' });
    await entry.getByRole('button', { name: 'Corrigeren' }).click();
    await entry.getByLabel('Wanneer gebeurde het?').fill(`${await dateInput(page, -4)}T09:00`);
    await entry.getByRole('button', { name: 'Correctie opslaan' }).click();
    const question = entry.getByRole('alert').filter({ hasText: 'ligt meer dan een dag vóór het incident' });
    await question.waitFor();
    expect(await page.getByText('Tijdstip gewijzigd van').count()).toBe(0);
    await question.getByRole('button', { name: 'Ja, zo opslaan' }).click();
    await page.getByText('Tijdstip gewijzigd van').waitFor();
  });

  it('fills the end date from a duration and shows the term as due', async () => {
    await page.goto(`${server.origin}/incidenten/${incidentId}/besluit?stap=${step}&instrument=gemw-174a-b`);
    await page
      .getByLabel('Motivering (geschikt, noodzakelijk, evenwichtig)')
      .fill('Sluiting om herhaling te voorkomen.');
    await page.getByLabel('Gaat in op').fill(await dateInput(page, 0));
    await page.getByLabel('Duur', { exact: true }).fill('1');
    await page.getByLabel('Eenheid').selectOption('weken');
    // One week, up to and including the sixth day after the start.
    expect(await page.getByLabel('Loopt af op').inputValue()).toBe(await dateInput(page, 6));
    await page.getByLabel('Duur', { exact: true }).fill('2');
    expect(await page.getByLabel('Loopt af op').inputValue()).toBe(await dateInput(page, 13));
    await page.getByRole('button', { name: 'Besluit opslaan' }).click();
    await page.getByText('Besluit opgeslagen.').waitFor();
    await page.goto(`${server.origin}/incidenten/${incidentId}`);
    await page.getByTestId('due-list').getByText('Sluiting loopt af over 13 dagen').waitFor();
  });

  it('asks for a start date when only a duration is given, next to the field', async () => {
    await page.goto(`${server.origin}/incidenten/${incidentId}/besluit?instrument=gemw-174a-b`);
    await page.getByLabel('Motivering (geschikt, noodzakelijk, evenwichtig)').fill('Tweede besluit');
    await page.getByLabel('Duur', { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Besluit opslaan' }).click();
    const start = page.getByLabel('Gaat in op');
    await page.getByText('Vul de ingangsdatum in; de einddatum wordt daarvan berekend.').waitFor();
    expect(await start.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => start.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(new URL(page.url()).pathname).toBe(`/incidenten/${incidentId}/besluit`);
    // The draft is not wanted further in this test.
    await page.getByRole('link', { name: 'Annuleren' }).click();
  });

  it('corrects the term after saving: the new end counts, the old term stays visible', async () => {
    await page.goto(`${server.origin}/incidenten/${incidentId}/stap/${step}`);
    const decision = page.locator('.entry', { hasText: 'Sluiting om herhaling te voorkomen.' });
    await decision.getByRole('button', { name: 'Termijn corrigeren' }).click();
    expect(await decision.getByLabel('Loopt af op').inputValue()).toBe(await dateInput(page, 13));
    await decision.getByLabel('Duur', { exact: true }).fill('3');
    await decision.getByLabel('Eenheid').selectOption('weken');
    await decision.getByRole('button', { name: 'Correctie opslaan' }).click();
    await decision.getByText('Eerder: termijn van').waitFor();
    expect(await decision.locator('.decision-summary').textContent()).toContain('gecorrigeerd door Test Adviseur');
    expect(await decision.locator('.entry__meta').first().textContent()).toContain('gecorrigeerd');

    await page.goto(`${server.origin}/incidenten/${incidentId}`);
    await page.getByTestId('due-list').getByText('Sluiting loopt af over 20 dagen').waitFor();
    expect(await page.getByTestId('due-list').getByText('over 13 dagen').count()).toBe(0);

    await page.goto(`${server.origin}/incidenten/${incidentId}/logboek`);
    const correction = page.locator('.timeline__item', { hasText: 'Besluit gecorrigeerd' });
    expect(await correction.textContent()).toMatch(/Termijn gewijzigd: was van .+ tot en met .+, nu van .+ tot en met/);

    await page.goto(`${server.origin}/incidenten/${incidentId}/dossier`);
    await page.getByRole('heading', { name: 'Tijdlijn' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out with the print stylesheet is what is checked
    const printed = await page.locator('article.dossier').innerText();
    await page.emulateMedia({ media: 'screen' });
    expect(printed).toMatch(/Termijn gewijzigd: was van .+, nu van .+/);
  });

  it('refuses a correction that changes nothing, next to the field, and fits 320 px without axe findings', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server.origin}/incidenten/${incidentId}/stap/${step}`);
    const decision = page.locator('.entry', { hasText: 'Sluiting om herhaling te voorkomen.' });
    await decision.getByRole('button', { name: 'Termijn corrigeren' }).click();
    await decision.getByRole('button', { name: 'Correctie opslaan' }).click();
    await decision.getByText('Er is niets gewijzigd.').waitFor();
    expect(await decision.getByLabel('Loopt af op').getAttribute('aria-invalid')).toBe('true');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
