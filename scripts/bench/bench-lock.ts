import type { Page } from 'playwright-core';

/**
 * The bench's lock, set up and opened through the app's own screens, with the keyboard:
 * a mouse click leaves Chromium's pointer over the page (also after a navigation in the
 * tab), and every re-render under it then costs a hover hit test and a forced layout before
 * the next frame (+1–2 ms per tap). A phone has no pointer, and the plain profile's tab
 * had none either, so that cost was charged to the lock.
 */

export const PASSPHRASE = 'bench wachtzin voor meten';

/** Sets up the lock through the settings page; returns the time until the migration ended. */
export async function setUpLock(page: Page, origin: string): Promise<number> {
  await page.goto(`${origin}/incidenten/instellingen`);
  await page.getByLabel(/^Wachtzin \(minstens/).fill(PASSPHRASE);
  await page.getByLabel('Wachtzin nog een keer').fill(PASSPHRASE);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Beveilig met deze wachtzin' }).press('Enter');
  await page.getByRole('button', { name: 'Vergrendel', exact: true }).waitFor({ timeout: 600_000 });
  return Date.now() - t0;
}

/** Unlocks with the bench passphrase when the lock screen shows. */
export async function unlockIfLocked(page: Page): Promise<void> {
  const locked = page.getByRole('heading', { level: 1, name: 'Vergrendeld' });
  await locked
    .or(page.getByRole('button', { name: 'Vergrendel', exact: true }))
    .first()
    .waitFor();
  if (!(await locked.isVisible())) return;
  await page.getByLabel('Wachtzin', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Ontgrendel', exact: true }).press('Enter');
  await page.getByRole('button', { name: 'Vergrendel', exact: true }).waitFor();
}
