import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, launchProfile, type Profile, startAppServer } from './support/browser.ts';
import { checklistTitles, createIncident, statusButton } from './support/incident-helpers.ts';

describe('a full disk', () => {
  let server: AppServer;
  let profile: Profile;
  let page: Page;

  beforeAll(async () => {
    server = await startAppServer('dist');
    profile = await launchProfile();
    // Simulates the browser's quota error on every write once window.__diskFull is set.
    await profile.context.addInitScript(() => {
      for (const method of ['add', 'put'] as const) {
        const original = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
          if ((window as unknown as { __diskFull?: boolean }).__diskFull) {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }
          return original.apply(this, args);
        };
      }
    });
    page = await profile.context.newPage();
  });

  afterAll(async () => {
    await profile.close();
    profile.remove();
    await server.stop();
  });

  it('says so in Dutch, stores nothing of the failed change, and keeps working for reading', async () => {
    const incidentId = await createIncident(page, server.origin);
    const [first = '', second = ''] = await checklistTitles(page, 2);
    await statusButton(page, first, 'Gedaan').click();
    await expect.poll(() => statusButton(page, first, 'Gedaan').getAttribute('aria-pressed')).toBe('true');

    await page.evaluate(() => {
      (window as unknown as { __diskFull: boolean }).__diskFull = true;
    });
    await statusButton(page, second, 'Gedaan').click();
    await page.getByText('De opslag van dit apparaat is vol. Er is niets opgeslagen.').waitFor();
    expect(await statusButton(page, second, 'Gedaan').getAttribute('aria-pressed')).toBe('false');

    await page.goto(`${server.origin}/incidenten/${incidentId}/logboek`);
    await page.getByLabel('Nieuwe logregel').fill('Dit past niet meer');
    await page.evaluate(() => {
      (window as unknown as { __diskFull: boolean }).__diskFull = true;
    });
    await page.getByRole('button', { name: 'Logregel opslaan' }).click();
    await page.getByText('De opslag van dit apparaat is vol.').waitFor();
    expect(await page.locator('.timeline__item--logregel').count()).toBe(0);
    // The typed text is not lost either.
    expect(await page.getByLabel('Nieuwe logregel').inputValue()).toBe('Dit past niet meer');

    // After a reload (the disk has room again) the earlier state is intact and readable.
    await page.goto(`${server.origin}/incidenten/${incidentId}`);
    await page.getByTestId('time-since').waitFor();
    expect(await statusButton(page, first, 'Gedaan').getAttribute('aria-pressed')).toBe('true');
    expect(await statusButton(page, second, 'Gedaan').getAttribute('aria-pressed')).toBe('false');
  });
});

describe('a new app version', () => {
  let server: AppServer;
  let profile: Profile;
  const root = mkdtempSync(join(tmpdir(), 'hke-dist-'));

  beforeAll(async () => {
    cpSync('dist', root, { recursive: true });
    server = await startAppServer(root);
    profile = await launchProfile();
  });

  afterAll(async () => {
    await profile.close();
    profile.remove();
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('is offered, never applied by a surprise reload, and loses nothing typed', async () => {
    const page = await profile.context.newPage();
    const incidentId = await createIncident(page, server.origin);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.goto(`${server.origin}/incidenten/${incidentId}/logboek`);
    const typed = 'Burgemeester geïnformeerd, wacht op terugbellen';
    await page.getByLabel('Nieuwe logregel').fill(typed);
    // A second tab where the adviser is halfway through something without a draft.
    const other = await profile.context.newPage();
    await other.goto(`${server.origin}/incidenten/${incidentId}/gegevens`);
    await other.getByRole('button', { name: 'Incident verwijderen…' }).click();
    for (const p of [page, other]) {
      await p.evaluate(() => {
        (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
      });
    }

    appendFileSync(join(root, 'sw.js'), '\n// nieuwe versie\n');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await page.getByText('Er is een nieuwe versie van de app.').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await page.getByLabel('Nieuwe logregel').inputValue()).toBe(typed);

    await page.getByRole('button', { name: 'Bijwerken' }).click();
    await page.waitForFunction(() => !(window as unknown as { __sameDocument?: boolean }).__sameDocument, undefined, {
      timeout: 30_000,
    });
    await page.getByLabel('Nieuwe logregel').waitFor();
    expect(await page.getByLabel('Nieuwe logregel').inputValue()).toBe(typed);

    // The other tab is told, and keeps its state until the adviser reloads it.
    await other.getByText('De app is in een ander tabblad bijgewerkt.').waitFor({ timeout: 30_000 });
    expect(await other.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await other.getByRole('button', { name: 'Ja, definitief verwijderen' }).isVisible()).toBe(true);
  });
});
