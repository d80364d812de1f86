// `npx tsx scripts/bench/measure-sync-tap.ts` (after `npm run build`): issue 13's "a tap on
// device A until device B shows it", in two Chromium profiles against the real server
// (server/main.ts, PGlite), median and p95 of 20 taps. The API-level figure is
// `sync_live_ms` of server/bench/sync-bench.ts; this one adds the app on both ends (IndexedDB
// write, outbox, push, stream, merge, render). Prints JSON lines; never asserts on time.
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
  const emit = (metric: string, value: number) =>
    console.log(JSON.stringify({ metric, value: Math.round(value), unit: 'ms', taps: TAPS, engine: 'pglite' }));
  emit('sync_live_tap_ms', median(times));
  emit('sync_live_tap_p95_ms', percentile(times, 95));
} finally {
  await profileA.close();
  await profileB.close();
  profileA.remove();
  profileB.remove();
  await server.stop();
  server.remove();
}
