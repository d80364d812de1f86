import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIncidents } from '../../scripts/bench/seed-incidents.ts';
import type { Kader } from '../../src/content/schema.ts';
import { buildExportFile, serialiseExport } from '../../src/exchange/export/export.ts';
import { foldIncident } from '../../src/incidents/domain/fold.ts';
import { type AppServer, launchProfile, type Profile, startAppServer } from './support/browser.ts';
import { enterActorName } from './support/incident-helpers.ts';

describe('the preview of a file with many incidents', () => {
  let server: AppServer;
  let profile: Profile;
  const dir = mkdtempSync(join(tmpdir(), 'hke-preview-'));
  const path = join(dir, 'handelingskader-25-incidenten.json');

  beforeAll(async () => {
    const kader = JSON.parse(readFileSync('dist/kader.json', 'utf8')) as Kader;
    const { logs } = seedIncidents(kader, 25, 10);
    const incidents = logs.map(({ events }) => ({ state: foldIncident(events)!, events }));
    writeFileSync(path, serialiseExport(buildExportFile({ incidents }, { kader })));
    server = await startAppServer('dist');
    profile = await launchProfile();
  });

  afterAll(async () => {
    await profile?.close();
    profile?.remove();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the counts and the first 20, all 25 on request without losing focus, and imports them', async () => {
    const page = await profile.context.newPage();
    await page.goto(`${server.origin}/incidenten`);
    await enterActorName(page, 'Carla');
    await page.goto(`${server.origin}/incidenten/delen`);
    await page.getByLabel('Kies een bestand (of sleep het hierheen)').setInputFiles(path);
    const preview = page.getByRole('region', { name: 'Voorbeeld van de import' });
    await preview.getByText('25 incidenten: 25 nieuw.').waitFor();
    const rows = preview.locator('.preview__list > li');
    expect(await rows.count()).toBe(20);

    const toggle = preview.getByRole('button', { name: 'Toon alle 25 incidenten' });
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await expect.poll(() => rows.count()).toBe(25);
    const expanded = preview.getByRole('button', { name: 'Toon alleen de eerste 20' });
    expect(await expanded.getAttribute('aria-expanded')).toBe('true');
    expect(await expanded.evaluate((button) => button === document.activeElement)).toBe(true);

    await preview.getByRole('button', { name: 'Importeren' }).click();
    await page.getByText('250 vastleggingen toegevoegd aan 25 incidenten.').waitFor();
  });
});
