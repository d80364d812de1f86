// `npx tsx scripts/bench/measure-sync-tap.ts` (after `npm run build`): issue 13's "a tap on
// device A until device B shows it", in two Chromium profiles against the real server
// (server/main.ts, PGlite), median and p95 of 20 taps. The API-level figure is
// `sync_live_ms` of server/bench/sync-bench.ts; this one adds the app on both ends (IndexedDB
// write, outbox, push, stream, merge, render). Also A's own tap on the shared incident (its sync line
// follows the client's count) against the same tap on an unshared incident, before and after, as a ratio.
// Prints JSON lines; never asserts on time.
import type { Page } from 'playwright-core';
import { median, percentile } from '../../server/bench/stats.ts';
import { launchProfile } from '../../tests/e2e/support/browser.ts';
import {
  checklistTitles,
  createIncident,
  enterActorName,
  statusButton,
} from '../../tests/e2e/support/incident-helpers.ts';
import { createSyncServer } from '../../tests/e2e/support/sync-server.ts';

const TAPS = 20;

/** Tap → the tapped button shows it pressed, on the same page (performance.now, no clock between processes). */
function ownTap(page: Page, title: string, status: string): Promise<number> {
  return statusButton(page, title, status).evaluate(
    (button) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (button.getAttribute('aria-pressed') === 'true') {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(button, { attributes: true, attributeFilter: ['aria-pressed'] });
        (button as HTMLButtonElement).click();
      }),
  );
}

/** A's own taps on an incident, alternating two statuses; waits between taps so the sync of each is done. */
async function ownTaps(page: Page, title: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < TAPS; i++) {
    times.push(await ownTap(page, title, i % 2 === 0 ? 'Gedaan' : 'Later'));
    await page.waitForTimeout(300);
  }
  return times;
}

async function pair(page: Page, link: string, actor: string, device: string) {
  await page.goto(link);
  await enterActorName(page, actor);
  await page.getByLabel(/Naam van dit apparaat/).fill(device);
  await page.getByRole('button', { name: 'Koppelen' }).click();
  await page.getByText(/Dit apparaat hoort bij team/).waitFor();
}

const server = await createSyncServer();
const [profileA, profileB] = [await launchProfile(), await launchProfile()];
try {
  const link = await server.createTeam('Bench');
  await server.start();
  const a = await profileA.context.newPage();
  const b = await profileB.context.newPage();
  for (const page of [a, b]) page.on('dialog', (dialog) => void dialog.accept());
  await pair(a, link, 'A', 'Bench A');
  await a.goto(`${server.origin}/incidenten/team`);
  await a.getByRole('button', { name: 'Maak uitnodiging' }).click();
  await pair(b, (await a.getByTestId('invite-link').textContent()) ?? '', 'B', 'Bench B');
  // The floor: the same taps on an incident of A's own (not shared), in this run.
  const ownId = await createIncident(a, server.origin, { houseNumber: '14' });
  await a.locator('.checklist__title').first().waitFor();
  const [ownTitle = ''] = await checklistTitles(a, 1);
  const unshared = await ownTaps(a, ownTitle);

  const incidentId = await createIncident(a, server.origin);
  await a.getByRole('button', { name: 'Delen met team' }).click();
  await b.goto(`${server.origin}/incidenten/${incidentId}`);
  await b.locator('.checklist__title').first().waitFor({ timeout: 30_000 });
  await a.locator('.checklist__title').first().waitFor();
  const [title = ''] = await checklistTitles(a, 1);

  const times: number[] = [];
  for (let i = 0; i < TAPS; i++) {
    const status = i % 2 === 0 ? 'Gedaan' : 'Later';
    const onB = statusButton(b, title, status);
    // B stamps the moment its button turns pressed; A stamps the moment of the tap (same machine clock).
    const seen = onB.evaluate(
      (button) =>
        new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if (button.getAttribute('aria-pressed') === 'true') {
              observer.disconnect();
              resolve(Date.now());
            }
          });
          observer.observe(button, { attributes: true, attributeFilter: ['aria-pressed'] });
        }),
    );
    const tapped = await statusButton(a, title, status).evaluate((button) => {
      const at = Date.now();
      (button as HTMLButtonElement).click();
      return at;
    });
    times.push((await seen) - tapped);
  }
  // A's own tap on the shared incident (its sync line and the client's count follow it) against the floor.
  const shared = await ownTaps(a, title);
  // The floor again, warm as well: before and after, so the order does not favour either.
  await a.goto(`${server.origin}/incidenten/${ownId}`);
  await a.locator('.checklist__title').first().waitFor();
  unshared.push(...(await ownTaps(a, ownTitle)));
  const emit = (metric: string, value: number, unit = 'ms') =>
    console.log(JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit, taps: TAPS, engine: 'pglite' }));
  emit('sync_live_tap_ms', median(times));
  emit('sync_live_tap_p95_ms', percentile(times, 95));
  emit('shared_own_tap_ms_p50', median(shared));
  emit('unshared_own_tap_ms_p50', median(unshared));
  emit('shared_own_tap_ratio_p50', median(shared) / median(unshared), 'x');
} finally {
  await profileA.close();
  await profileB.close();
  profileA.remove();
  profileB.remove();
  await server.stop();
  server.remove();
}
