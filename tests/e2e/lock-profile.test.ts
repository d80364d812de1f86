import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, launchProfile, type Profile, startAppServer } from './support/browser.ts';
import {
  gotoUnlocked,
  plantControls,
  setPageHidden,
  setUpLockThroughUi,
  unlockThroughUi,
  vergrendelButton,
} from './support/lock-helpers.ts';
import { searchProfile } from './support/profile-search.ts';

/**
 * A lost phone gives nothing away: after a lock and a closed browser, no planted
 * personal string is in any file of the profile, while strings planted outside the
 * app's data are found by the same search (so the search can see what it looks for).
 */
describe('encryption at rest in the browser profile', () => {
  let server: AppServer;
  let profile: Profile | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'hke-lock-'));
  const token = Date.now().toString(36);
  const planted = {
    street: `Plantweg${token}`,
    note: `notitieplant${token}`,
    log: `logplant${token}`,
    motivation: `motiveringplant${token}`,
    draft: `conceptplant${token}`,
  };
  const controls = { local: `controlelokaal${token}`, indexed: `controleidb${token}` };
  let incidentId = '';

  beforeAll(async () => {
    server = await startAppServer('dist');
  });

  afterAll(async () => {
    await profile?.close();
    profile?.remove();
    await server?.stop();
  });

  it('seals what the adviser records and keeps it out of every file of the profile', async () => {
    profile = await launchProfile(dir);
    const page = await profile.context.newPage();
    await setUpLockThroughUi(page, server.origin);

    // The helper in incident-helpers.ts loads the page anew, which locks: the same steps, unlocked.
    await gotoUnlocked(page, `${server.origin}/incidenten/nieuw`);
    await page.getByLabel('Straat').fill(planted.street);
    await page.getByLabel('Huisnummer').fill('12');
    await page.getByLabel('Postcode').fill('1234 AB');
    await page.getByLabel('Gemeente', { exact: true }).fill('Utrecht');
    await page.getByRole('button', { name: 'Incident starten' }).click();
    await page.getByTestId('time-since').waitFor();
    incidentId = new URL(page.url()).pathname.split('/')[2]!;
    const firstStep = (await page.locator('.checklist__title').first().textContent())!;
    await page.getByRole('link', { name: firstStep }).click();
    await page.getByLabel('Nieuwe notitie').fill(planted.note);
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await page.locator('.entry__text', { hasText: planted.note }).waitFor();

    await gotoUnlocked(page, `${server.origin}/incidenten/${incidentId}/besluit`);
    await page.getByRole('group', { name: 'Juridisch instrument' }).getByRole('radio').first().check();
    await page.getByLabel('Motivering (geschikt, noodzakelijk, evenwichtig)').fill(planted.motivation);
    await page.getByRole('button', { name: 'Besluit opslaan' }).click();
    await page.locator('.timeline__item--besluit', { hasText: planted.motivation }).waitFor();

    await gotoUnlocked(page, `${server.origin}/incidenten/${incidentId}/logboek`);
    await page.getByLabel('Nieuwe logregel').fill(planted.log);
    await page.getByRole('button', { name: 'Logregel opslaan' }).click();
    await page.locator('.timeline__item', { hasText: planted.log }).waitFor();
    // Typed, not saved: it must survive the lock, sealed.
    await page.getByLabel('Nieuwe logregel').fill(planted.draft);

    await vergrendelButton(page).click();
    await page.getByRole('heading', { level: 1, name: 'Vergrendeld' }).waitFor();
    const html = await page.content();
    for (const value of Object.values(planted)) expect(html).not.toContain(value);
    expect(await page.title()).toBe('Vergrendeld · Handelingskader Explosies');
    expect(await page.locator('form').count()).toBe(0);

    await plantControls(page, controls.local, controls.indexed);
    await profile.close();

    const found = searchProfile(dir, [...Object.values(planted), ...Object.values(controls)]);
    expect(found.get(controls.local)?.length, 'the search finds a localStorage value').toBeGreaterThan(0);
    expect(found.get(controls.indexed)?.length, 'the search finds an IndexedDB value').toBeGreaterThan(0);
    const leaks = Object.values(planted).flatMap((value) =>
      (found.get(value) ?? []).map((file) => `${value} in ${file.slice(dir.length)}`),
    );
    expect(leaks).toEqual([]);
  });

  it('shows everything again after the passphrase, including the unsaved text', async () => {
    await profile?.close();
    profile = await launchProfile(dir);
    const page = await profile.context.newPage();
    await page.goto(`${server.origin}/incidenten/${incidentId}/logboek`);
    await unlockThroughUi(page);
    await page.locator('.timeline__item', { hasText: planted.log }).waitFor();
    await page.locator('.timeline__item--besluit', { hasText: planted.motivation }).waitFor();
    expect(await page.getByLabel('Nieuwe logregel').inputValue()).toBe(planted.draft);
    await gotoUnlocked(page, `${server.origin}/incidenten`);
    await page.getByText(planted.street).first().waitFor();
  });

  it('locks itself after five minutes in the background, not after one', async () => {
    await profile?.close();
    profile = await launchProfile(dir);
    const page = await profile.context.newPage();
    await page.clock.install();
    await gotoUnlocked(page, `${server.origin}/incidenten`);
    const setHidden = (hidden: boolean) => setPageHidden(page, hidden);
    await setHidden(true);
    await page.clock.fastForward('01:00');
    await setHidden(false);
    // A lock would re-render at once; give React a moment before checking that none came.
    await page.waitForTimeout(500);
    expect(await page.getByRole('heading', { level: 1, name: 'Vergrendeld' }).count()).toBe(0);
    expect(await vergrendelButton(page).isVisible()).toBe(true);
    await setHidden(true);
    await page.clock.fastForward('05:01');
    await setHidden(false);
    await page.getByRole('heading', { level: 1, name: 'Vergrendeld' }).waitFor();
    expect(await page.locator('form').count()).toBe(0);
  });
});
