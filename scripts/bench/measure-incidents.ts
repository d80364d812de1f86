import type { Page } from 'playwright-core';
import type { Kader } from '../../src/content/schema.ts';
import { launchProfile, startAppServer } from '../../tests/e2e/support/browser.ts';
import { median } from './measure-pwa.ts';
import { seedIncidents } from './seed-incidents.ts';

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** Writes straight into the app's database (already created by the app at its current version). */
export async function store(page: Page, table: string, rows: unknown[]) {
  const chunk = 100;
  for (let i = 0; i < rows.length; i += chunk) {
    await page.evaluate(
      ({ table, rows }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('handelingskader');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(table, 'readwrite');
            for (const row of rows) tx.objectStore(table).put(row);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { table, rows: rows.slice(i, i + chunk) },
    );
  }
}

/** Time from a click until `done()` holds in the DOM, plus one frame: what the adviser sees. */
function clickUntil(page: Page, selector: string, done: string): Promise<number> {
  return page.evaluate(
    ({ selector, done }) =>
      new Promise<number>((resolve) => {
        const isDone = new Function(`return (${done})`) as () => boolean;
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (!isDone()) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        (document.querySelector(selector) as HTMLElement).click();
      }),
    { selector, done },
  );
}

export interface IncidentFigures {
  stepToggleP50: number;
  stepToggleP95: number;
  incidentListMs: number;
  idbWriteRelaxedMs: number;
  idbWriteStrictMs: number;
}

export async function measureIncidents(kader: Kader, incidents = 1000, eventsEach = 100): Promise<IncidentFigures> {
  const server = await startAppServer('dist');
  const profile = await launchProfile();
  try {
    const page = await profile.context.newPage();
    await page.goto(`${server.origin}/incidenten`);
    await page.getByLabel('Naam of initialen').fill('Bench');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Incidenten' }).waitFor();
    const { logs, rows, settings } = seedIncidents(kader, incidents, eventsEach);
    await store(page, 'logs', logs);
    await store(page, 'incidents', rows);
    await store(page, 'settings', settings);

    // The list: from tapping "Incidenten" in the tab bar to its first page (50 rows) painted.
    const listTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(`${server.origin}/`);
      await page.getByRole('heading', { name: 'Fasen' }).waitFor();
      listTimes.push(
        await clickUntil(
          page,
          '.tab-bar a[href="/incidenten"]',
          `document.querySelectorAll('.incident-list > li').length >= ${Math.min(50, incidents)}`,
        ),
      );
    }

    // A step tap: from the tap to the new state stored (the pressed state comes from the database) and painted.
    const incidentId = (rows[Math.floor(incidents / 2)] as { id: string }).id;
    await page.goto(`${server.origin}/incidenten/${incidentId}?fase=direct-na`);
    await page
      .locator('.checklist__item')
      .first()
      .waitFor()
      .catch(async (e) => {
        await page.screenshot({ path: '/tmp/bench-fail.png' });
        throw e;
      });
    const toggles: number[] = [];
    const stepIds = (
      await page.locator('.checklist__item').evaluateAll((els) => els.map((el) => el.getAttribute('data-step-id')))
    ).slice(0, 10);
    for (let i = 0; i < 60; i++) {
      const row = `[data-step-id="${stepIds[i % stepIds.length]}"]`;
      const pressed = await page.locator(`${row} .segmented__option[aria-pressed="true"]`).textContent();
      const next = pressed === 'Gedaan' ? 'later' : 'gedaan';
      const button = `${row} .segmented__option--${next}`;
      const ms = await clickUntil(
        page,
        button,
        `document.querySelector('${button}').getAttribute('aria-pressed') === 'true'`,
      );
      if (i >= 10) toggles.push(ms);
    }

    const idbWrite = (durability: 'relaxed' | 'strict') =>
      page.evaluate(
        (durability) =>
          new Promise<number[]>((resolve, reject) => {
            const open = indexedDB.open('hke-durability-bench', 1);
            open.onupgradeneeded = () => open.result.createObjectStore('events', { keyPath: 'id' });
            open.onerror = () => reject(open.error);
            open.onsuccess = async () => {
              const db = open.result;
              const times: number[] = [];
              for (let i = 0; i < 60; i++) {
                const t0 = performance.now();
                await new Promise<void>((done, fail) => {
                  const tx = db.transaction('events', 'readwrite', { durability });
                  tx.objectStore('events').put({ id: `${durability}-${i}`, payload: 'x'.repeat(300) });
                  tx.oncomplete = () => done();
                  tx.onerror = () => fail(tx.error);
                });
                if (i >= 10) times.push(performance.now() - t0);
              }
              db.close();
              resolve(times);
            };
          }),
        durability,
      );

    return {
      stepToggleP50: percentile(toggles, 50),
      stepToggleP95: percentile(toggles, 95),
      incidentListMs: median(listTimes),
      idbWriteRelaxedMs: median(await idbWrite('relaxed')),
      idbWriteStrictMs: median(await idbWrite('strict')),
    };
  } finally {
    await profile.close();
    profile.remove();
    await server.stop();
  }
}
