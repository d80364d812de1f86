import type { Page } from 'playwright-core';
import { enterActorName } from './incident-helpers.ts';

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

export const vergrendelButton = (page: Page) => page.getByRole('button', { name: 'Vergrendel', exact: true });

/**
 * A full page load starts locked (the key lives in the tab's memory only): go to the
 * address and unlock when the lock screen shows.
 */
export async function gotoUnlocked(page: Page, url: string, passphrase = PASSPHRASE): Promise<void> {
  await page.goto(url);
  const locked = page.getByRole('heading', { level: 1, name: 'Vergrendeld' });
  await locked.or(vergrendelButton(page)).first().waitFor();
  if (await locked.isVisible()) {
    await unlockThroughUi(page, passphrase);
    await vergrendelButton(page).waitFor({ timeout: 60_000 });
  }
}

export async function unlockThroughUi(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Vergrendeld' }).waitFor();
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
