import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, launchProfile, type Profile, startAppServer } from './support/browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol, so the page's CSP does not block it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility (axe-core, no serious or critical violations)', () => {
  let server: AppServer;
  let profile: Profile;
  let page: Page;
  beforeAll(async () => {
    server = await startAppServer('dist');
    profile = await launchProfile();
    page = await profile.context.newPage();
  });
  afterAll(async () => {
    await profile.close();
    profile.remove();
    await server.stop();
  });

  it('home', async () => {
    await page.goto(`${server.origin}/`);
    await page.getByRole('heading', { name: 'Fasen' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a phase with a filter on', async () => {
    await page.goto(`${server.origin}/fase/direct-na?doelwit=woning`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a step', async () => {
    await page.goto(`${server.origin}/fase/direct-na`);
    await page.locator('a[href^="/stap/"]').first().click();
    await page.getByRole('heading', { name: 'Bronnen' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('search with results', async () => {
    await page.goto(`${server.origin}/zoeken?q=woning`);
    await page.getByRole('list', { name: 'Zoekresultaten' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('an instrument and the about page', async () => {
    await page.goto(`${server.origin}/instrumenten`);
    await page.locator('a[href^="/instrument/"]').first().click();
    await page.getByRole('heading', { name: 'Voorwaarden' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${server.origin}/over`);
    await page.getByTestId('storage-persisted').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has tap targets of at least 44 px and no horizontal scroll at 320 px', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ['/', '/fase/direct-na', '/zoeken?q=sluiting']) {
      await page.goto(`${server.origin}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('main a, main button, main input, nav a')]
          .filter((el) => !el.closest('p, li.partner-card, .source-list, dd'))
          .map((el) => ({ el: el.outerHTML.slice(0, 60), r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.height < 44 || r.width < 44)
          .map(({ el }) => el),
      );
      expect(small).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
  });

  // Last: setting up the lock changes every later visit of the incidents (a page load locks).
  it('the lock: set-up in settings, the lock screen, at 320 px too', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server.origin}/incidenten/instellingen`);
    const name = page.getByLabel('Naam of initialen');
    await name
      .or(page.getByRole('heading', { name: 'Beveiliging' }))
      .first()
      .waitFor();
    if (await page.getByRole('heading', { level: 1, name: 'Wie bent u?' }).isVisible()) {
      await name.fill('Axe');
      await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    }
    await page.getByRole('heading', { name: 'Beveiliging' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const passphrase = 'vier woorden voor axe';
    // A refusal arrives in an alert region that was already in the page (one mounted with its text is not
    // reliably announced).
    const form = page.locator('.form').filter({ has: page.getByLabel('Wachtzin nog een keer') });
    const alert = await form.getByRole('alert').elementHandle();
    expect(await alert!.textContent()).toBe('');
    await page.getByLabel(/^Wachtzin \(minstens/).fill(passphrase);
    await page.getByLabel('Wachtzin nog een keer').fill(`${passphrase} anders`);
    await page.getByRole('button', { name: 'Beveilig met deze wachtzin' }).click();
    await form.getByText('De twee wachtzinnen zijn niet gelijk').waitFor();
    expect(await alert!.evaluate((el) => el.isConnected && el.textContent)).toContain('niet gelijk');
    await page.getByLabel('Wachtzin nog een keer').fill(passphrase);
    await page.getByRole('button', { name: 'Beveilig met deze wachtzin' }).click();
    await page.getByRole('button', { name: 'Vergrendel', exact: true }).waitFor({ timeout: 60_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Vergrendel', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Vergrendeld' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('main button, main input, main summary')]
        .map((el) => ({ el: el.outerHTML.slice(0, 60), r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.height < 44 || r.width < 44)
        .map(({ el }) => el),
    );
    expect(small).toEqual([]);
  });
});
