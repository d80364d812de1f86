import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { launchProfile, startAppServer } from '../../tests/e2e/support/browser.ts';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Gzip size of every script the first page load fetches, lazy chunks included. */
export async function criticalPathJsKb(root: string): Promise<number> {
  const server = await startAppServer(root);
  const profile = await launchProfile();
  try {
    const page = await profile.context.newPage();
    const scripts = new Set<string>();
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') scripts.add(new URL(res.url()).pathname);
    });
    await page.goto(`${server.origin}/`, { waitUntil: 'networkidle' });
    let bytes = 0;
    for (const path of scripts) bytes += gzipSync(readFileSync(join(root, path)), { level: 9 }).length;
    return bytes / 1024;
  } finally {
    await profile.close();
    profile.remove();
    await server.stop();
  }
}

/** Sum of the files the service worker precaches (uncompressed, as stored on the phone). */
export function precacheKb(root: string): number {
  const sw = readFileSync(join(root, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
  return urls.reduce((sum, url) => sum + statSync(join(root, url)).size, 0) / 1024;
}

async function waitForMark(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url);
  const t = await page.waitForFunction(
    () => performance.getEntriesByName('phase-list-visible')[0]?.startTime,
    undefined,
    { timeout: 30_000, polling: 50 },
  );
  const value = (await t.jsonValue()) as number;
  await page.close();
  return value;
}

/** A profile with the app installed from `root` and the server stopped again: an offline phone. */
async function installedOffline(root: string, prepare?: (page: Page) => Promise<void>) {
  const server = await startAppServer(root);
  const profile = await launchProfile();
  const first = await profile.context.newPage();
  await first.goto(`${server.origin}/`);
  await first.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await prepare?.(first);
  await first.close();
  await server.stop();
  return {
    start: () => waitForMark(profile.context, `${server.origin}/`),
    async close() {
      await profile.close();
      profile.remove();
      await server.stop();
    },
  };
}

/**
 * From navigation with the server stopped to the phase list visible (the app's own
 * performance mark, relative to navigation start), median of `runs`, for the app and
 * its floor. The two are measured in turn, run by run, so that load from other work on
 * the machine falls on both alike instead of on whichever was measured second.
 */
export async function offlineStartMs(
  root: string,
  baselineRoot: string,
  runs = 7,
  /** Stores more in the app's profile before going offline (the local layer, issue 14). */
  prepareApp?: (page: Page) => Promise<void>,
) {
  const app = await installedOffline(root, prepareApp);
  const floor = await installedOffline(baselineRoot);
  try {
    const appTimes: number[] = [];
    const floorTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      appTimes.push(await app.start());
      floorTimes.push(await floor.start());
    }
    return { start: median(appTimes), baseline: median(floorTimes) };
  } finally {
    await app.close();
    await floor.close();
  }
}

export { median };
