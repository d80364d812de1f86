import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { store } from '../../scripts/bench/page-store.ts';
import { seedIncidents } from '../../scripts/bench/seed-incidents.ts';
import type { Kader } from '../../src/content/schema.ts';
import { type AppServer, launchProfile, type Profile, recordRequests, startAppServer } from './support/browser.ts';
import { enterActorName } from './support/incident-helpers.ts';

/**
 * A plain export over 1 MB is compressed by a worker while it is read. Offline, as at
 * the scene: the worker comes from the service worker's precache.
 */
describe('an export of many incidents, offline', () => {
  let server: AppServer;
  let source: Profile;
  let target: Profile;
  const dir = mkdtempSync(join(tmpdir(), 'hke-large-'));
  const incidents = 120;
  const eventsEach = 60;

  beforeAll(async () => {
    server = await startAppServer('dist');
    source = await launchProfile();
    target = await launchProfile();
  });

  afterAll(async () => {
    for (const p of [source, target]) {
      await p?.close();
      p?.remove();
    }
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is one gzip file with every incident, made offline, that another device imports whole', async () => {
    const kader = JSON.parse(readFileSync('dist/kader.json', 'utf8')) as Kader;
    const requests = recordRequests(source.context);
    const page = await source.context.newPage();
    await page.goto(`${server.origin}/incidenten`);
    await enterActorName(page, 'Dirk');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const { logs, rows } = seedIncidents(kader, incidents, eventsEach);
    await store(page, 'logs', logs);
    await store(page, 'incidents', rows);

    const other = await target.context.newPage();
    await other.goto(`${server.origin}/incidenten`);
    await enterActorName(other, 'Eva');
    await other.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    await server.stop();
    await page.goto(`${server.origin}/incidenten/delen`);
    const section = page.getByRole('region', { name: 'Exporteren' });
    await section.getByLabel('Alle incidenten').check();
    const download = page.waitForEvent('download');
    await section.getByRole('button', { name: /^(Downloaden|Delen)$/ }).click();
    await section.getByRole('button', { name: /^Toch onversleuteld (downloaden|delen)$/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^handelingskader-120-incidenten-\d{4}-\d{2}-\d{2}\.json\.gz$/);
    await section.getByText(`(${incidents} incidenten)`).waitFor();
    const path = join(dir, file.suggestedFilename());
    await file.saveAs(path);
    expect(requests.some((url) => /\/assets\/gzip-worker-[\w-]+\.js$/.test(url))).toBe(true);

    const json = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'));
    expect(json.incidents).toHaveLength(incidents);
    expect(json.incidents.reduce((n: number, i: { events: unknown[] }) => n + i.events.length, 0)).toBe(
      incidents * eventsEach,
    );

    await other.goto(`${server.origin}/incidenten/delen`);
    await other.getByLabel('Kies een bestand (of sleep het hierheen)').setInputFiles(path);
    const preview = other.getByRole('region', { name: 'Voorbeeld van de import' });
    await preview.getByText(`${incidents} incidenten: ${incidents} nieuw.`).waitFor();
    await preview.getByRole('button', { name: 'Importeren' }).click();
    // 7.200: the count in Dutch format.
    await other.getByText('7.200 vastleggingen toegevoegd aan 120 incidenten.').waitFor();
  });
});
