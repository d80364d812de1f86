import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Kader } from '../../src/content/schema.ts';
import { launchProfile, startAppServer } from '../../tests/e2e/support/browser.ts';
import { exportFloorMs, importFloorMs } from './measure-floors.ts';
import { store } from './page-store.ts';
import { seedIncidents } from './seed-incidents.ts';

export interface ExchangeFigures {
  exportMs: number;
  exportKb: number;
  importMs: number;
  importPreviewMs: number;
  exportFloorMs: number;
  importFloorMs: number;
}

async function enterName(page: Page, origin: string) {
  await page.goto(`${origin}/incidenten`);
  await page.getByLabel('Naam of initialen').fill('Bench');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Incidenten' }).waitFor();
}

/**
 * Until the page's start-up is over (its chunks and the validator fetched, the
 * framework loaded, the first live queries answered): an adviser picks a file seconds
 * after opening the screen, and that start-up is not the export or import measured.
 */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 3000 })));
}

/**
 * Taps the export button and, where the app asks once more about a plain file with
 * personal data, confirms: the clock starts at the tap that makes the file.
 */
export async function startExport(page: Page) {
  const section = page.getByRole('region', { name: 'Exporteren' });
  await section.getByRole('button', { name: /^(Downloaden|Delen)$/ }).click();
  const confirm = section.getByRole('button', { name: /^Toch onversleuteld/ });
  await confirm.waitFor({ timeout: 10_000 });
  const download = page.waitForEvent('download', { timeout: 120_000 });
  const t0 = Date.now();
  await confirm.click();
  return { download, t0 };
}

/**
 * Through the real screens: export every incident of a seeded device (tap to file
 * ready), then import that file on a fresh device (file chosen to preview shown, plus
 * the tap on "Importeren" to done).
 */
export async function measureExchange(kader: Kader, incidents = 1000, eventsEach = 100): Promise<ExchangeFigures> {
  const server = await startAppServer('dist');
  const dir = mkdtempSync(join(tmpdir(), 'hke-bench-files-'));
  const source = await launchProfile();
  const target = await launchProfile();
  try {
    const page = await source.context.newPage();
    await enterName(page, server.origin);
    const { logs, rows, settings } = seedIncidents(kader, incidents, eventsEach);
    await store(page, 'logs', logs);
    await store(page, 'incidents', rows);
    await store(page, 'settings', settings);

    await page.goto(`${server.origin}/incidenten/delen`);
    const section = page.getByRole('region', { name: 'Exporteren' });
    await section.getByLabel('Alle incidenten').check();
    await settled(page);
    const { download, t0 } = await startExport(page);
    const file = await download;
    const exportMs = Date.now() - t0;
    const path = join(dir, file.suggestedFilename());
    await file.saveAs(path);
    if (!path.endsWith('.gz')) throw new Error(`bench: expected a gzip export, got ${path}`);
    const exportFloor = await exportFloorMs(page);

    const other = await target.context.newPage();
    await enterName(other, server.origin);
    await other.goto(`${server.origin}/incidenten/delen`);
    await other.getByLabel('Kies een bestand (of sleep het hierheen)').waitFor();
    await settled(other);
    const t1 = Date.now();
    await other.getByLabel('Kies een bestand (of sleep het hierheen)').setInputFiles(path);
    await other.getByRole('region', { name: 'Voorbeeld van de import' }).waitFor({ timeout: 120_000 });
    const importPreviewMs = Date.now() - t1;
    const t2 = Date.now();
    await other.getByRole('button', { name: 'Importeren' }).click();
    await other.locator('.alert--ok[role="status"]').waitFor({ timeout: 120_000 });
    const importMs = importPreviewMs + (Date.now() - t2);
    const importFloor = await importFloorMs(other, path);
    return {
      exportMs,
      exportKb: statSync(path).size / 1024,
      importMs,
      importPreviewMs,
      exportFloorMs: exportFloor,
      importFloorMs: importFloor,
    };
  } finally {
    for (const p of [source, target]) {
      await p.close();
      p.remove();
    }
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
