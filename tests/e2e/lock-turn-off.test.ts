import { describe, expect, it } from 'vitest';
import {
  appWithProfile,
  gotoUnlocked,
  incidentThenLock,
  PASSPHRASE,
  vergrendelButton,
} from './support/lock-helpers.ts';

/** Turning the lock off in settings: the passphrase, then everything plain again and no lock screen after a reload. */
describe('turning the lock off through the settings', () => {
  const env = appWithProfile();
  const street = `Uitzetlaan${Date.now().toString(36)}`;

  it('asks the passphrase, decrypts in place, and opens without one afterwards', async () => {
    const { page, incidentId } = await incidentThenLock(env, street);
    await gotoUnlocked(page, `${env.server.origin}/incidenten/instellingen`);

    const field = page.getByLabel('Wachtzin om de beveiliging uit te zetten');
    await field.fill('niet de goede wachtzin');
    await page.getByRole('button', { name: 'Beveiliging uitzetten' }).click();
    await page.getByText('De wachtzin klopt niet. Er is niets gewijzigd.').waitFor();
    expect(await vergrendelButton(page).isVisible()).toBe(true);

    await field.fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Beveiliging uitzetten' }).click();
    // Done: the set-up form is offered again, and "Vergrendel" is gone.
    await page.getByRole('button', { name: 'Beveilig met deze wachtzin' }).waitFor({ timeout: 60_000 });
    expect(await vergrendelButton(page).count()).toBe(0);

    await page.goto(`${env.server.origin}/incidenten/${incidentId}`);
    await page.getByText(street).first().waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Vergrendeld' }).count()).toBe(0);
    const stored = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('handelingskader');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['incidents', 'keyring'], 'readonly');
            const rows = tx.objectStore('incidents').getAll();
            const keys = tx.objectStore('keyring').count();
            tx.oncomplete = () => {
              open.result.close();
              resolve(JSON.stringify({ rows: rows.result, keyring: keys.result }));
            };
          };
        }),
    );
    const { rows, keyring } = JSON.parse(stored) as { rows: Record<string, unknown>[]; keyring: number };
    expect(keyring).toBe(0);
    expect(rows.find((row) => row.id === incidentId)).toMatchObject({ title: expect.stringContaining(street) });
    expect(rows.some((row) => 'sealed' in row)).toBe(false);
  });
});
