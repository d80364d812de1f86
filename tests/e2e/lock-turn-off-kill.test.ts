import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { store } from '../../scripts/bench/page-store.ts';
import { seedIncidents } from '../../scripts/bench/seed-incidents.ts';
import type { Kader } from '../../src/content/schema.ts';
import { type AppServer, launchOwnedChromium, type OwnedBrowser, startAppServer } from './support/browser.ts';
import { failIfWiped, onFreshProfiles, wipeNotice } from './support/browser-wipe.ts';
import { enterActorName } from './support/incident-helpers.ts';
import { PASSPHRASE, startLockSetUp, unlockThroughUi, vergrendelButton } from './support/lock-helpers.ts';

/** Everything in the app's tables as the browser holds it, without the app (no sealing middleware). */
function rawTables(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ sealed: number; rows: number; keyring: number }>((resolve, reject) => {
        const open = indexedDB.open('handelingskader');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['logs', 'incidents', 'settings', 'appendedEvents', 'keyring'];
          const tx = db.transaction(names, 'readonly');
          const requests = names.map((name) => tx.objectStore(name).getAll());
          tx.oncomplete = () => {
            db.close();
            const [logs, incidents, settings, appended, keyring] = requests.map((r) => r.result as object[]);
            const all = [...logs!, ...incidents!, ...settings!, ...appended!];
            resolve({
              sealed: all.filter((row) => 'sealed' in row).length,
              rows: all.length,
              keyring: keyring!.length,
            });
          };
        };
      }),
  );
}

/**
 * Turning the lock off over a full device, with Chromium killed (SIGKILL, the whole
 * process group) while the rows are decrypted: after each relaunch and unlock it goes
 * on; at the end no row is sealed, the wrapped key is gone, and every incident opens.
 */
describe('turning the lock off with 200 incidents stored, killed on the way', () => {
  let server: AppServer;
  let browser: OwnedBrowser | undefined;
  const incidents = 200;

  beforeAll(async () => {
    server = await startAppServer('dist');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const decrypting = (page: Page) => page.getByRole('status').filter({ hasText: 'worden ontsleuteld' });

  it('goes on after every kill and ends with everything plain and readable', async () => {
    // A run whose database Chromium itself deleted after a kill proves nothing either way: then once more.
    await onFreshProfiles('hke-lock-off-', async (dir) => {
      try {
        await killWhileTurningOff(dir);
      } finally {
        await browser?.close();
        browser = undefined;
      }
    });
  }, 600_000);

  async function killWhileTurningOff(dir: string) {
    const kader = JSON.parse(readFileSync('dist/kader.json', 'utf8')) as Kader;
    browser = await launchOwnedChromium(dir);
    let page = await browser.context.newPage();
    await page.goto(`${server.origin}/incidenten`);
    await enterActorName(page, 'Dirk');
    const { logs, rows, settings } = seedIncidents(kader, incidents, 40);
    await store(page, 'logs', logs);
    await store(page, 'incidents', rows);
    await store(page, 'settings', settings);
    await page.goto(`${server.origin}/incidenten/instellingen`);
    await startLockSetUp(page);
    await vergrendelButton(page).waitFor({ timeout: 120_000 });
    const sealed = await rawTables(page);
    expect(sealed.sealed).toBe(sealed.rows);

    await page.getByLabel('Wachtzin om de beveiliging uit te zetten').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Beveiliging uitzetten' }).click();
    const delays = [0, 150, 400];
    let killsDuringRun = 0;
    let lockedAfterKill = 0;
    for (const delay of delays) {
      await decrypting(page).waitFor({ timeout: 60_000 });
      await page.waitForTimeout(delay);
      if (await decrypting(page).isVisible()) killsDuringRun++;
      await browser.kill();
      browser = await launchOwnedChromium(dir);
      page = await browser.context.newPage();
      await page.goto(`${server.origin}/incidenten`);
      const locked = page.getByRole('heading', { level: 1, name: 'Vergrendeld' });
      await locked
        .or(page.getByRole('heading', { level: 1, name: 'Incidenten' }))
        .or(wipeNotice(page))
        .first()
        .waitFor();
      await failIfWiped(page);
      // The run may have ended between the last look and the kill: then the wrapped key is gone
      // and it opens plain. Otherwise it is still locked: the wrapped key goes only with the last rewrite.
      if ((await rawTables(page)).keyring === 0) break;
      expect(await locked.isVisible()).toBe(true);
      lockedAfterKill++;
      await unlockThroughUi(page);
    }
    expect(killsDuringRun).toBeGreaterThan(0);
    expect(lockedAfterKill).toBeGreaterThan(0);
    await page.getByRole('heading', { level: 1, name: 'Incidenten' }).waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => !document.querySelector('.lock-migration'), undefined, { timeout: 120_000 });
    expect(await vergrendelButton(page).count()).toBe(0);
    const plain = await rawTables(page);
    expect(plain).toMatchObject({ sealed: 0, keyring: 0 });
    expect(plain.rows).toBe(sealed.rows);

    // A page load opens without a passphrase, and every incident is there.
    await page.goto(`${server.origin}/incidenten`);
    await page.getByRole('heading', { level: 1, name: 'Incidenten' }).waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Vergrendeld' }).count()).toBe(0);
    await page.getByRole('button', { name: /^Toon meer \(150 over\)$/ }).waitFor();
  }
});
