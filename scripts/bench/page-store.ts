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

/**
 * Writes every row of the app's tables again the way turning the lock on does (lock/migrate.ts:
 * chunks of 25, then each table read, cleared and written in one transaction), but plain. The
 * plain floor of the locked figures then has the same LevelDB history (overwritten values,
 * compaction still going on) as the locked profile, and a tap's ratio measures the seal, not
 * the after-effects of a one-time rewrite of the whole database.
 */
export async function rewriteLikeMigration(page: Page, tables: readonly string[]): Promise<void> {
  // A string, not a function: tsx wraps named inner functions in a helper the page does not have.
  await page.evaluate(`(${REWRITE})(${JSON.stringify(tables)})`);
}

const REWRITE = `(names) => new Promise((resolve, reject) => {
  const open = indexedDB.open('handelingskader');
  open.onerror = () => reject(open.error);
  open.onsuccess = async () => {
    const db = open.result;
    const tables = names.filter((name) => db.objectStoreNames.contains(name));
    const run = (table, body) => new Promise((done, fail) => {
      const tx = db.transaction(table, 'readwrite');
      body(tx.objectStore(table));
      tx.oncomplete = () => done();
      tx.onerror = () => fail(tx.error);
    });
    const all = (table) => new Promise((done, fail) => {
      const tx = db.transaction(table);
      const store = tx.objectStore(table);
      const keys = store.getAllKeys();
      const rows = store.getAll();
      tx.oncomplete = () => done({ keys: keys.result, rows: rows.result, inline: store.keyPath !== null });
      tx.onerror = () => fail(tx.error);
    });
    const put = (store, inline, row, key) => (inline ? store.put(row) : store.put(row, key));
    try {
      for (const table of tables) {
        const { keys, rows, inline } = await all(table);
        for (let i = 0; i < rows.length; i += 25)
          await run(table, (store) => {
            for (let j = i; j < Math.min(i + 25, rows.length); j++) put(store, inline, rows[j], keys[j]);
          });
      }
      for (const table of tables) {
        const { keys, rows, inline } = await all(table);
        await run(table, (store) => {
          store.clear();
          rows.forEach((row, j) => put(store, inline, row, keys[j]));
        });
      }
      db.close();
      resolve();
    } catch (error) {
      reject(error);
    }
  };
})`;
