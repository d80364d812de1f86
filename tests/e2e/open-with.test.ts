import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppServer,
  launchProfile,
  type Profile,
  startAppServer,
  waitForServiceWorkerControl,
} from './support/browser.ts';
import { enterActorName } from './support/incident-helpers.ts';

/** A colleague's export: the version-1 fixture, which the app must always read. */
const EXPORT = readFileSync('tests/fixtures/exchange-v1.json', 'utf8');

describe('the manifest for "open with"', () => {
  const manifest = JSON.parse(readFileSync('dist/manifest.webmanifest', 'utf8'));

  it('declares a file handler for the export files that opens the import screen', () => {
    expect(manifest.file_handlers).toEqual([
      {
        action: '/incidenten/delen?geopend=1',
        accept: { 'application/json': ['.json'], 'application/gzip': ['.gz', '.json.gz'] },
      },
    ]);
  });

  it('declares a share target that takes files by POST, answered by the service worker', () => {
    expect(manifest.share_target).toMatchObject({
      action: '/incidenten/delen/ontvangen',
      method: 'POST',
      enctype: 'multipart/form-data',
      params: { files: [{ name: 'bestand', accept: expect.arrayContaining(['application/json', '.gz']) }] },
    });
    const sw = readFileSync('dist/sw.js', 'utf8');
    expect(sw).toContain('importScripts("/share-target-sw.js")');
    expect(readFileSync('dist/share-target-sw.js', 'utf8')).toContain(manifest.share_target.action);
  });
});

describe('a file that reaches the app from outside', () => {
  let server: AppServer;
  let profile: Profile;
  let page: Page;
  beforeAll(async () => {
    server = await startAppServer('dist');
    profile = await launchProfile();
    page = await profile.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
  });
  afterAll(async () => {
    await profile.close();
    profile.remove();
    await server.stop();
  });

  it('shared to the app, goes from the service worker to the import preview, once', async () => {
    await page.goto(`${server.origin}/incidenten`);
    await enterActorName(page, 'Carla');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await waitForServiceWorkerControl(page);
    // What the platform does for a share target: a multipart POST to its action.
    const landed = await page.evaluate(async (text) => {
      const form = new FormData();
      form.append(
        'bestand',
        new File([text], 'handelingskader-incident-utrecht-2026-03-06.json', { type: 'application/json' }),
      );
      const response = await fetch('/incidenten/delen/ontvangen', { method: 'POST', body: form });
      return response.url;
    }, EXPORT);
    expect(new URL(landed).pathname + new URL(landed).search).toBe('/incidenten/delen?gedeeld=1');
    await page.goto(landed);
    const preview = page.getByRole('region', { name: 'Voorbeeld van de import' });
    await preview.getByText(/^handelingskader-incident-utrecht-2026-03-06\.json, gemaakt op/).waitFor();
    await preview.getByText('Voorbeeldstraat 1, Utrecht').first().waitFor();
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 360, height: 740 });
    // The marker is gone from the address, and the kept copy is deleted once read.
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate(async () => (await caches.open('gedeeld-bestand')).keys().then((k) => k.length))).toBe(
      0,
    );
    // Nothing is imported before the adviser says so.
    await page.goto(`${server.origin}/incidenten`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByText('Voorbeeldstraat 1, Utrecht').count()).toBe(0);
  });

  it('says so, with nothing changed, when the share brought no file', async () => {
    await page.goto(`${server.origin}/incidenten/delen?gedeeld=leeg`);
    await page.getByRole('alert').filter({ hasText: 'Er kwam geen bestand mee met het delen.' }).waitFor();
  });

  it('opened with the installed app, goes from the launch queue to the import preview', async () => {
    const launched = await profile.context.newPage();
    // Chromium gives window.launchQueue to an installed app only; this stands in for the platform.
    await launched.addInitScript(() => {
      Object.defineProperty(window, 'launchQueue', {
        configurable: true,
        value: {
          setConsumer(consumer: unknown) {
            (window as unknown as { launchConsumer: unknown }).launchConsumer = consumer;
          },
        },
      });
    });
    await launched.goto(`${server.origin}/incidenten/delen?geopend=1`);
    await launched.waitForFunction(() => 'launchConsumer' in window);
    await launched.evaluate((text) => {
      const consume = (window as unknown as { launchConsumer: (p: unknown) => void }).launchConsumer;
      consume({ files: [{ getFile: async () => new File([text], 'geopend.json', { type: 'application/json' }) }] });
    }, EXPORT);
    const preview = launched.getByRole('region', { name: 'Voorbeeld van de import' });
    await preview.getByText(/^geopend\.json, gemaakt op/).waitFor();
    await launched.close();
  });
});
