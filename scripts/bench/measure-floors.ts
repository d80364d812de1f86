import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * The naive floors of the exchange figures, measured in the same browser on the same
 * data as the app's export and import, so the ratio app ÷ floor is comparable between
 * runs on a noisy machine where absolute times are not.
 */

/** One raw getAll of every stored log row, then JSON.stringify, then gzip through CompressionStream, in turn. */
export function exportFloorMs(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const t0 = performance.now();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('handelingskader');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction('logs', 'readonly').objectStore('logs').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    const text = JSON.stringify(rows);
    const gz = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
    const bytes = await new Response(gz).arrayBuffer();
    if (bytes.byteLength === 0) throw new Error('no output');
    return performance.now() - t0;
  });
}

/** Gunzip with DecompressionStream, JSON.parse, one raw put per incident row in one transaction, into a scratch database. */
export async function importFloorMs(page: Page, filePath: string): Promise<number> {
  const base64 = readFileSync(filePath).toString('base64');
  return page.evaluate(async (encoded) => {
    const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(`bench-floor-${Date.now()}`, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('logs', { keyPath: 'incidentId' });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const t0 = performance.now();
    const text = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
    const file = JSON.parse(text) as { incidents: { incident: { id: string }; events: unknown[] }[] };
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('logs', 'readwrite');
      const logs = tx.objectStore('logs');
      for (const { incident, events } of file.incidents) logs.put({ incidentId: incident.id, events });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const ms = performance.now() - t0;
    const name = db.name;
    db.close();
    indexedDB.deleteDatabase(name);
    return ms;
  }, base64);
}
