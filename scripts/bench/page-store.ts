import type { Page } from 'playwright-core';
import type { LocalLayer } from '../../src/model/local-layer.ts';

/*
 * Filling a browser profile for the bench and the browser tests: rows written straight
 * into the app's IndexedDB, as many as a test needs, without tapping them in.
 */

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

/** Waits until the app has created its database (after the first render), then stores the layer. */
export async function storeLocalLayer(page: Page, layer: LocalLayer) {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const request = indexedDB.open('handelingskader');
        request.onsuccess = () => {
          const has = request.result.objectStoreNames.contains('localLayer');
          request.result.close();
          resolve(has);
        };
        request.onerror = () => resolve(false);
      }),
    undefined,
    { timeout: 30_000, polling: 200 },
  );
  await store(page, 'localLayer', [{ id: 'eigen', ...layer }]);
}
