import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, launchProfile, type Profile, startAppServer } from './support/browser.ts';
import { checklistTitles, createIncident, statusButton } from './support/incident-helpers.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type V = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: V[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** As the dossier formats it, in the browser's zone: "2 dec 2026 07:30". */
const shown = (page: Page, ms: number) =>
  page.evaluate(
    (t) => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(t)),
    ms,
  );

describe('the printed dossier, on a phone', () => {
  let server: AppServer;
  let profile: Profile;
  let page: Page;
  let incidentId: string;
  let happenedAt: number;

  beforeAll(async () => {
    server = await startAppServer('dist');
    profile = await launchProfile();
    page = await profile.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    incidentId = await createIncident(page, server.origin, { street: 'Kerkstraat', houseNumber: '12' });
    const [first] = await checklistTitles(page, 1);
    await statusButton(page, first!, 'Gedaan').click();
    await statusButton(page, first!, 'Gedaan').and(page.locator('[aria-pressed="true"]')).waitFor();

    // A log entry made afterwards: it happened 40 minutes ago (whole minutes, as the field takes them).
    await page.goto(`${server.origin}/incidenten/${incidentId}/logboek`);
    happenedAt = Math.floor((Date.now() - 40 * 60_000) / 60_000) * 60_000;
    const local = await page.evaluate((t) => {
      const d = new Date(t);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    }, happenedAt);
    await page.getByLabel('Nieuwe logregel').fill('Politie sloot de straat af');
    await page.getByLabel('Wanneer gebeurde het? (leeg = nu)').fill(local);
    await page.getByRole('button', { name: 'Logregel opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await profile.close();
    profile.remove();
    await server.stop();
  });

  it('prints when a backdated entry happened and when it was recorded, the full address, who printed it', async () => {
    await page.goto(`${server.origin}/incidenten/${incidentId}/dossier`);
    await page.getByRole('button', { name: 'Afdrukken of opslaan als pdf' }).waitFor();
    // On screen the printed-on line is not shown; in print it is.
    expect(await page.getByTestId('dossier-printed').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('dossier-printed').isVisible()).toBe(true);
    // innerText on purpose: the text as laid out with the print stylesheet.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
    const text = await page.locator('article.dossier').innerText();
    await page.emulateMedia({ media: 'screen' });

    const lines = text.split('\n').filter((line) => line.trim() !== '');
    const entry = lines.findIndex((line) => line.includes('Logregel: Politie sloot de straat af'));
    expect(entry).toBeGreaterThan(0);
    const timeLine = lines[entry - 1]!;
    expect(timeLine).toContain(await shown(page, happenedAt));
    expect(timeLine).toMatch(/ · Test Adviseur · vastgelegd om \d{1,2} \w+\.? \d{4},? \d{2}:\d{2}$/);
    expect(timeLine).not.toContain(`vastgelegd om ${await shown(page, happenedAt)}`);

    expect(text).toMatch(/Afgedrukt op \d{1,2} \w+\.? \d{4},? \d{2}:\d{2} door Test Adviseur\./);
    expect(text).toContain('Kerkstraat 12, 1234 AB Utrecht');
    // Prevention: nothing happened there, so one line instead of a row per step.
    expect(text).toMatch(/Niets vastgelegd in deze fase: alle \d+ stappen staan open\./);
    expect(text).toMatch(/Nog open \(\d+\): /);
    expect(text).not.toMatch(/\tOpen\t/);
    // Page numbers come from the print stylesheet's page margin box.
    const pageRule = await page.evaluate(() =>
      [...document.styleSheets].some((sheet) =>
        [...sheet.cssRules].some((rule) => rule.cssText.includes('counter(pages)')),
      ),
    );
    expect(pageRule).toBe(true);
  });

  it('has no sideways scrolling at 320 px: the step table reads as a list', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server.origin}/incidenten/${incidentId}/dossier`);
    await page.getByRole('heading', { name: 'Stappen per fase' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const row = page.locator('.dossier__table tbody tr').first();
    expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    expect(await page.locator('.dossier__table td[data-label="Status"]').first().textContent()).toBe('Gedaan');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
  });

  it('downloads the checklist as CSV named by place and day, with Dutch statuses and times', async () => {
    await page.goto(`${server.origin}/incidenten/${incidentId}/dossier`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Checklist als CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      /^handelingskader-checklist-kerkstraat-12-utrecht-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv).toContain('Adres;"Kerkstraat 12, 1234 AB Utrecht"');
    expect(csv).toContain('Tijden;Nederlandse tijd (Europe/Amsterdam)');
    expect(csv).toMatch(/;Gedaan;;\d{2}-\d{2}-\d{4} \d{2}:\d{2};Test Adviseur;/);
    expect(csv).not.toMatch(/;(open|gedaan);/);
  });

  it('has no sideways scrolling on the share page at 320 px, also with the review and the warning open', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server.origin}/incidenten/delen?incident=${incidentId}`);
    const section = page.getByRole('region', { name: 'Exporteren' });
    await section.getByRole('button', { name: /^(Downloaden|Delen)$/ }).click();
    await section.getByText('Dit bestand bevat namen en adressen en is niet versleuteld.').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await section.getByRole('button', { name: 'Terug' }).click();
    await section.getByLabel('Geanonimiseerd, voor het netwerk NEIG').check();
    await section.getByRole('button', { name: 'Vrije tekst controleren' }).click();
    await section.getByRole('button', { name: 'Alles weglaten' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
  });

  it('asks once more before a plain back-up, and makes it only when confirmed', async () => {
    await page.goto(`${server.origin}/incidenten/delen`);
    const backup = page.getByRole('region', { name: 'Back-up' });
    await backup.getByRole('button', { name: 'Back-up maken' }).click();
    await backup.getByText('Dit bestand bevat namen en adressen en is niet versleuteld.').waitFor();
    await backup.getByRole('button', { name: 'Terug' }).click();
    await backup.getByRole('button', { name: 'Back-up maken' }).click();
    const download = page.waitForEvent('download');
    await backup.getByRole('button', { name: 'Toch onversleuteld opslaan' }).click();
    expect((await download).suggestedFilename()).toMatch(/^handelingskader-backup-\d{4}-\d{2}-\d{2}\.json$/);
  });
});
