import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, launchProfile, type Profile, recordRequests, startAppServer } from './support/browser.ts';

// Issue 12 in the built app: trust fields, law and ruling links, glossary and changelog.

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

const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('traceable content', () => {
  let server: AppServer;
  let profile: Profile;
  let page: Page;
  let requests: string[];
  beforeAll(async () => {
    server = await startAppServer('dist');
    profile = await launchProfile();
    requests = recordRequests(profile.context);
    page = await profile.context.newPage();
  });
  afterAll(async () => {
    await profile.close();
    profile.remove();
    await server.stop();
  });

  it('separates the law, the rulings and practice on an instrument page, with links to the sources', async () => {
    await page.goto(`${server.origin}/instrument/gemw-174a-b`);
    for (const name of ['Wat de wet zegt', 'Wat rechters oordeelden', 'Praktijk']) {
      await page.getByRole('heading', { level: 2, name }).waitFor();
    }
    await expect(page.locator('.trust').first().textContent()).resolves.toMatch(/gecontroleerd op \d+ \w+ \d{4}/);

    const law = page.locator('.law-links a').first();
    expect(await law.getAttribute('href')).toMatch(
      /^https:\/\/wetten\.overheid\.nl\/jci1\.3:c:BWBR0005416&artikel=174a&z=/,
    );
    expect(await law.getAttribute('target')).toBe('_blank');
    expect(await law.getAttribute('rel')).toContain('noopener');
    await expect(page.locator('.law-links li').first().textContent()).resolves.toMatch(/geldend op \d+ \w+ \d{4}/);

    const ruling = page.locator('.case-law a.ecli').first();
    expect(await ruling.getAttribute('href')).toMatch(
      /^https:\/\/uitspraken\.rechtspraak\.nl\/details\?id=ECLI%3ANL%3A/,
    );
    expect(await ruling.textContent()).toMatch(/^ECLI:NL:/);
    expect(await ruling.getAttribute('rel')).toContain('noreferrer');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the review status on a step and links a glossary term to the begrippenlijst', async () => {
    await page.goto(`${server.origin}/instrument/gemw-174a-b`);
    const term = page.locator('a.term-link').first();
    await term.waitFor();
    const href = await term.getAttribute('href');
    expect(href).toMatch(/^\/begrippen#[a-z0-9-]+$/);
    // Keyboard: the term is an ordinary link that Enter follows.
    await term.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Begrippenlijst' }).waitFor();
    const id = href?.split('#')[1] ?? '';
    await page.waitForFunction((i) => {
      const el = document.getElementById(i);
      return !!el && el.getBoundingClientRect().top < window.innerHeight;
    }, id);
    expect(await page.locator('.glossary dt').count()).toBeGreaterThanOrEqual(20);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${server.origin}/fase/direct-na`);
    await page.locator('a[href^="/stap/"]').first().click();
    await page.getByRole('heading', { name: 'Bronnen' }).waitFor();
    await expect(page.locator('.trust').first().textContent()).resolves.toMatch(
      /(Concept, nog niet getoetst|Inhoudelijk getoetst|Juridisch getoetst) · gecontroleerd op/,
    );
  });

  it('flags content not checked for 12 months, against today’s date', async () => {
    await page.goto(`${server.origin}/instrument/gemw-174a-b`);
    await page.getByRole('heading', { name: 'Wat de wet zegt' }).waitFor();
    expect(await page.getByText(/Niet gecontroleerd sinds/).count()).toBe(0);

    // The clock belongs to the whole browser context: later tests run in mid-2028 too, which they do not mind.
    await profile.context.clock.install({ time: new Date('2028-06-01T09:00:00') });
    await page.goto(`${server.origin}/instrument/gemw-174a-b`);
    await page
      .getByText(/^Niet gecontroleerd sinds \d+ \w+ \d{4}\./)
      .first()
      .waitFor();
    await page.goto(`${server.origin}/partners`);
    await page
      .getByText(/^Niet gecontroleerd sinds/)
      .first()
      .waitFor();
  });

  it('shows what changed in the framework, linked from the home page', async () => {
    await page.goto(`${server.origin}/`);
    await page.getByRole('link', { name: 'Wat is er veranderd in het kader' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wat is er veranderd in het kader' }).waitFor();
    const kader = await (await page.request.get(`${server.origin}/kader.json`)).json();
    await page.getByRole('heading', { level: 2, name: `Versie ${kader.version}` }).waitFor();
    expect(kader.changelog[0].version).toBe(kader.version);
    expect(kader.glossary.length).toBeGreaterThanOrEqual(20);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('does not scroll sideways at 320 px, and links outside sentences are 44 px targets', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of [
      '/instrument/gemw-174a-b',
      '/instrument/grondrechten',
      '/begrippen',
      '/wijzigingen',
      '/partners',
    ]) {
      await page.goto(`${server.origin}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await scrollsSideways(page), path).toBe(false);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('main a, main button')]
          // Inline links in running text (sentences, glossary terms) are exempt, as in accessibility.test.ts.
          .filter((el) => !el.closest('p, li.partner-card, .source-list, dd') && !el.matches('.term-link'))
          .filter((el) => el.getBoundingClientRect().height < 44)
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(small, path).toEqual([]);
    }
    await page.setViewportSize({ width: 375, height: 740 });
  });

  it('never requests anything outside its own origin', () => {
    const foreign = requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
  });
});

describe('traceable content without a server', () => {
  let server: AppServer;
  let profile: Profile;
  let page: Page;
  beforeAll(async () => {
    server = await startAppServer('dist');
    profile = await launchProfile();
    page = await profile.context.newPage();
    await page.goto(`${server.origin}/`);
    await page.getByRole('heading', { level: 2, name: 'Fasen' }).waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await server.stop();
  });
  afterAll(async () => {
    await profile.close();
    profile.remove();
    await server.stop();
  });

  it('shows the glossary, the changelog and an instrument’s sources offline', async () => {
    await page.goto(`${server.origin}/begrippen`);
    await page.getByRole('heading', { level: 1, name: 'Begrippenlijst' }).waitFor();
    await page.locator('#b-grond').waitFor();
    await page.goto(`${server.origin}/wijzigingen`);
    await page.getByRole('heading', { level: 1, name: 'Wat is er veranderd in het kader' }).waitFor();
    await page.goto(`${server.origin}/instrument/gemw-174a-b`);
    await page.getByRole('heading', { level: 2, name: 'Wat rechters oordeelden' }).waitFor();
    expect(await page.locator('.law-links a').count()).toBeGreaterThan(0);
  });
});
