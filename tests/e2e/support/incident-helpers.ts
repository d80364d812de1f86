import type { Page } from 'playwright-core';

export async function enterActorName(page: Page, name: string) {
  const field = page.getByLabel('Naam of initialen');
  // The incidents section loads lazily: wait until it shows either the question or the page.
  await field
    .or(page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Wie bent u?' }))
    .first()
    .waitFor();
  if (await field.isVisible()) {
    await field.fill(name);
    // On a first visit the new-incident form asks the name itself and saves it with the incident.
    const save = page.getByRole('button', { name: 'Opslaan', exact: true });
    if (await save.isVisible()) await save.click();
  }
}

export async function createIncident(
  page: Page,
  origin: string,
  fields: { street?: string; houseNumber?: string; postcode?: string; municipality?: string; target?: string } = {},
): Promise<string> {
  await page.goto(`${origin}/incidenten/nieuw`);
  // The form renders whole once the stored name is read: only then is it known whether it asks the name.
  await page.getByLabel('Straat').waitFor();
  await enterActorName(page, 'Test Adviseur');
  await page.getByRole('heading', { level: 1, name: 'Nieuw incident' }).waitFor();
  if (fields.target) await page.getByLabel(fields.target, { exact: true }).check();
  await page.getByLabel('Straat').fill(fields.street ?? 'Kerkstraat');
  await page.getByLabel('Huisnummer').fill(fields.houseNumber ?? '12');
  await page.getByLabel('Postcode').fill(fields.postcode ?? '1234 AB');
  await page.getByLabel('Gemeente').fill(fields.municipality ?? 'Utrecht');
  await page.getByRole('button', { name: 'Incident starten' }).click();
  await page.getByTestId('time-since').waitFor();
  return new URL(page.url()).pathname.split('/')[2]!;
}

/** The status control of a checklist row, found by the step's title. */
export function statusButton(page: Page, stepTitle: string, status: string) {
  return page.getByRole('group', { name: `Status van: ${stepTitle}` }).getByRole('button', { name: status });
}

/** Titles of the first n steps in the shown checklist. */
export async function checklistTitles(page: Page, n: number): Promise<string[]> {
  const titles = await page.locator('.checklist__title').allTextContents();
  return titles.slice(0, n);
}
