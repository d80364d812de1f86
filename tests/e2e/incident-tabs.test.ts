import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, launchProfile, type Profile, startAppServer } from './support/browser.ts';
import { checklistTitles, createIncident, statusButton } from './support/incident-helpers.ts';

describe('several tabs and hostile text', () => {
  let server: AppServer;
  let profile: Profile;
  let a: Page;
  let b: Page;
  let incidentId = '';
  let title = '';

  beforeAll(async () => {
    server = await startAppServer('dist');
    profile = await launchProfile();
    a = await profile.context.newPage();
    incidentId = await createIncident(a, server.origin, { street: 'Dorpsweg', houseNumber: '3' });
    [title = ''] = await checklistTitles(a, 1);
    b = await profile.context.newPage();
    await b.goto(`${server.origin}/incidenten/${incidentId}`);
    await b.getByTestId('time-since').waitFor();
  });

  afterAll(async () => {
    await profile.close();
    profile.remove();
    await server.stop();
  });

  it('shows a change made in one tab live in the other', async () => {
    await statusButton(a, title, 'Gedaan').click();
    await expect.poll(() => statusButton(b, title, 'Gedaan').getAttribute('aria-pressed')).toBe('true');
    await statusButton(b, title, 'Later').click();
    await expect.poll(() => statusButton(a, title, 'Later').getAttribute('aria-pressed')).toBe('true');
  });

  it('shows notes with HTML or script as text and runs nothing', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> klaar';
    await a.goto(`${server.origin}/incidenten/${incidentId}/logboek`);
    await a.getByLabel('Nieuwe logregel').fill(hostile);
    await a.getByRole('button', { name: 'Logregel opslaan' }).click();
    const entry = a.locator('.timeline__item--logregel .entry__text').first();
    await expect.poll(() => entry.textContent()).toBe(hostile);
    expect(await a.locator('.timeline img').count()).toBe(0);
    expect(await a.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // The filter shows one kind of line at a time.
    await a.getByRole('button', { name: 'Stappen' }).click();
    expect(await a.getByRole('button', { name: 'Stappen' }).getAttribute('aria-pressed')).toBe('true');
    expect(await a.locator('.timeline__item--logregel').count()).toBe(0);
    expect(await a.locator('.timeline__item--stap').count()).toBeGreaterThan(0);
  });

  it('corrects the address afterwards, with the correction in the log', async () => {
    await a.goto(`${server.origin}/incidenten/${incidentId}/gegevens`);
    await a.getByRole('button', { name: 'Gegevens corrigeren' }).click();
    await a.getByLabel('Huisnummer').fill('5');
    await a.getByRole('button', { name: 'Correctie opslaan' }).click();
    await a.getByRole('heading', { level: 1, name: /^Dorpsweg 5/ }).waitFor();
    await a.getByRole('link', { name: 'Logboek' }).click();
    await a.getByText('Gegevens van het incident gewijzigd').waitFor();
  });

  it('keeps what was typed when another tab upgrades the database', async () => {
    await b.goto(`${server.origin}/incidenten/${incidentId}/logboek`);
    const typed = 'Half getypte logregel over de afzetting';
    await b.getByLabel('Nieuwe logregel').fill(typed);
    // A newer app version in tab A opens the database at a higher version.
    await a.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('handelingskader', 99);
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error);
        }),
    );
    await b.getByText('De app is in een ander tabblad bijgewerkt').waitFor();
    expect(await b.getByLabel('Nieuwe logregel').inputValue()).toBe(typed);
    await b.getByRole('button', { name: 'Herladen' }).click();
    await b.getByLabel('Nieuwe logregel').waitFor();
    expect(await b.getByLabel('Nieuwe logregel').inputValue()).toBe(typed);
  });
});
