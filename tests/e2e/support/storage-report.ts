import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * What a kill test needs to tell a lost database from a slow or broken app: Chromium
 * reports a database it wiped after finding it corrupt on the next `upgradeneeded`
 * (the non-standard `dataLoss` and `dataLossMessage`), and keeps its IndexedDB files in
 * the profile. Only for failure messages: nothing here is asserted.
 */

/** Records every `upgradeneeded` of the pages opened from now on (old version and Chromium's data-loss report). */
export async function recordDatabaseUpgrades(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const open = IDBFactory.prototype.open;
    const seen: unknown[] = [];
    (globalThis as { __upgrades?: unknown[] }).__upgrades = seen;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      const request = open.apply(this, args);
      request.addEventListener('upgradeneeded', (event) => {
        const report = event as IDBVersionChangeEvent & { dataLoss?: string; dataLossMessage?: string };
        seen.push({
          name: args[0],
          oldVersion: report.oldVersion,
          dataLoss: report.dataLoss,
          message: report.dataLossMessage,
        });
      });
      return request;
    };
  });
}

/** The page's recorded upgrades and the profile's IndexedDB files, with Chromium's corruption notes. */
export async function storageReport(page: Page, profileDir: string): Promise<string> {
  const upgrades = await page
    .evaluate(() => JSON.stringify((globalThis as { __upgrades?: unknown[] }).__upgrades ?? null))
    .catch((error: Error) => `(unreadable: ${error.message})`);
  const lines = [`Database upgrades in this page: ${upgrades}`];
  const root = join(profileDir, 'Default', 'IndexedDB');
  if (!existsSync(root)) return [...lines, `No ${root}`].join('\n');
  for (const store of readdirSync(root)) {
    const dir = join(root, store);
    if (!statSync(dir).isDirectory()) continue;
    const files = readdirSync(dir).map((name) => `${name} (${statSync(join(dir, name)).size} B)`);
    lines.push(`${store}: ${files.join(', ')}`);
    const note = join(dir, 'corruption_info.json');
    if (existsSync(note)) lines.push(`corruption_info.json: ${readFileSync(note, 'utf8').slice(0, 500)}`);
  }
  return lines.join('\n');
}
