import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Kader } from '../../../src/content/schema.ts';
import { scrollsSideways, seriousViolations } from './axe.ts';
import type { Profile } from './browser.ts';

/** A title as a pattern that matches only itself. */
export const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Fills the open contact form with a contact of the first national partner and saves it. */
export async function fillContact(page: Page, name: string, number: string, label = 'Algemeen') {
  const kader = JSON.parse(readFileSync('dist/kader.json', 'utf8')) as Kader;
  await page.getByLabel('Naam', { exact: true }).fill(name);
  await page.getByLabel('Landelijke partner').selectOption(kader.partners[0]!.id);
  await page.getByLabel('Omschrijving nummer 1').fill(label);
  await page.getByLabel('Nummer 1', { exact: true }).fill(number);
  await page.getByRole('button', { name: 'Contact opslaan' }).click();
}

/** Adds a local contact from the Lokaal page and waits until the page lists it. */
export async function addContact(page: Page, origin: string, name: string, number: string, label?: string) {
  await page.goto(`${origin}/lokaal`);
  await page.getByRole('link', { name: 'Contact toevoegen' }).click();
  await fillContact(page, name, number, label);
  await page.getByRole('link', { name: new RegExp(name) }).waitFor();
}

/** A new tab of the profile, as wide as a phone (360 px). */
export async function narrowPage(profile: Profile): Promise<Page> {
  const page = await profile.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  return page;
}

/** The page at 320 px: no sideways scrolling and no serious accessibility violation; back to 360 px after. */
export async function fitsAt320(page: Page): Promise<void> {
  await page.setViewportSize({ width: 320, height: 740 });
  expect(await scrollsSideways(page)).toBe(false);
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 360, height: 740 });
}

/**
 * Publishes a new national content version in the served copy of dist/ (root): the new kader.json,
 * and a new revision for it in sw.js, so the service worker offers the update.
 */
export function publishKader(root: string, next: Kader): void {
  writeFileSync(join(root, 'kader.json'), JSON.stringify(next));
  const sw = readFileSync(join(root, 'sw.js'), 'utf8');
  const updated = sw.replace(/(url:\s*"kader\.json",\s*revision:\s*")[^"]+/, '$1nieuwe-versie');
  expect(updated).not.toBe(sw);
  writeFileSync(join(root, 'sw.js'), updated);
}
