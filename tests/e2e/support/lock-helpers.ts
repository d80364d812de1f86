import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type AppServer, launchProfile, type Profile, startAppServer } from './browser.ts';
import { failIfWiped, wipeNotice } from './browser-wipe.ts';
import { createIncident, enterActorName } from './incident-helpers.ts';

export const PASSPHRASE = 'oranje fiets regen zeven';

/** Sets up the lock through the settings page and waits until the data is sealed. */
export async function setUpLockThroughUi(page: Page, origin: string, passphrase = PASSPHRASE): Promise<void> {
  await page.goto(`${origin}/incidenten/instellingen`);
  await enterActorName(page, 'Test Adviseur');
  await startLockSetUp(page, passphrase);
  await vergrendelButton(page).waitFor({ timeout: 60_000 });
}

/** Fills in and submits the set-up form, without waiting for the migration. */
export async function startLockSetUp(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.getByRole('heading', { name: 'Beveiliging' }).waitFor();
  await page.getByLabel(/^Wachtzin \(minstens/).fill(passphrase);
  await page.getByLabel('Wachtzin nog een keer').fill(passphrase);
  await page.getByRole('button', { name: 'Beveilig met deze wachtzin' }).click();
}

/** The built app (dist/) and one fresh browser profile for a describe block; filled in beforeAll, gone after it. */
export interface AppAndProfile {
  server: AppServer;
  profile: Profile;
}

/** Call inside a describe block: starts the app server and a profile before its tests, removes both after. */
export function appWithProfile(): AppAndProfile {
  const env = {} as AppAndProfile;
  beforeAll(async () => {
    env.server = await startAppServer('dist');
    env.profile = await launchProfile();
  });
  afterAll(async () => {
    await env.profile?.close();
    env.profile?.remove();
    await env.server?.stop();
  });
  return env;
}

/**
 * An incident at the given street, created while the data is still plain, then the lock set up
 * through the settings and the migration awaited. The page stays on the settings, unlocked.
 */
export async function incidentThenLock(
  { server, profile }: AppAndProfile,
  street: string,
): Promise<{ page: Page; incidentId: string }> {
  const page = await profile.context.newPage();
  const incidentId = await createIncident(page, server.origin, { street });
  await page.goto(`${server.origin}/incidenten/instellingen`);
  await startLockSetUp(page);
  await vergrendelButton(page).waitFor({ timeout: 60_000 });
  return { page, incidentId };
}

export const vergrendelButton = (page: Page) => page.getByRole('button', { name: 'Vergrendel', exact: true });

/**
 * A full page load starts locked (the key lives in the tab's memory only): go to the
 * address and unlock when the lock screen shows.
 */
export async function gotoUnlocked(page: Page, url: string, passphrase = PASSPHRASE, timeout?: number): Promise<void> {
  await page.goto(url);
  const locked = page.getByRole('heading', { level: 1, name: 'Vergrendeld' });
  await locked
    .or(vergrendelButton(page))
    .or(wipeNotice(page))
    .first()
    .waitFor({ timeout })
    .catch((error: Error) => failWithPage(page, error));
  await failIfWiped(page);
  if (await locked.isVisible()) {
    await unlockThroughUi(page, passphrase);
    await vergrendelButton(page).waitFor({ timeout: 60_000 });
  }
}

/** Says what the page showed instead: a timeout alone does not tell a hang from an error screen. */
export async function failWithPage(page: Page, error: Error): Promise<never> {
  const shown = await page
    .locator('body')
    .textContent({ timeout: 2_000 })
    .catch(() => '(unreadable)');
  throw new Error(`${error.message}\nAt ${page.url()} the page showed:\n${(shown ?? '').slice(0, 2_000)}`, {
    cause: error,
  });
}

/** `timeout`: how long the lock screen may take to show (after a kill, Chromium first replays its database log). */
export async function unlockThroughUi(page: Page, passphrase = PASSPHRASE, timeout?: number): Promise<void> {
  await page
    .getByRole('heading', { level: 1, name: 'Vergrendeld' })
    .or(wipeNotice(page))
    .first()
    .waitFor({ timeout })
    .catch((error: Error) => failWithPage(page, error));
  await failIfWiped(page);
  await page.getByLabel('Wachtzin', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Ontgrendel', exact: true }).click();
}

/** Plants strings outside the app's data: one in localStorage, one in a large IndexedDB value (compressed by Blink). */
export async function plantControls(page: Page, local: string, indexed: string): Promise<void> {
  await page.evaluate(
    ({ local, indexed }) =>
      new Promise<void>((resolve, reject) => {
        localStorage.setItem('controle', local);
        const open = indexedDB.open('controle', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('waarden');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('waarden', 'readwrite');
          // Long and repetitive: Blink compresses values like this with Snappy before LevelDB sees them.
          tx.objectStore('waarden').put({ text: `${indexed} ${'herhaalde opvulling '.repeat(2000)}` }, 'groot');
          // Typed text holds non-Latin-1 characters: V8 then stores the string as UTF-16.
          tx.objectStore('waarden').put({ text: `€ ${indexed}` }, 'utf16');
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { local, indexed },
  );
}

/**
 * Hides or shows the page as switching apps would. Headless Chromium never hides a page, so
 * the test sets what the app reads (document.visibilityState) and sends the event.
 */
export function setPageHidden(page: Page, hidden: boolean): Promise<void> {
  return page.evaluate((hidden) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (hidden ? 'hidden' : 'visible'),
    });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}
