import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, launchProfile, type Profile, startAppServer } from './support/browser.ts';
import { createIncident } from './support/incident-helpers.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type V = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: V[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function addLogEntry(page: Page, origin: string, incidentId: string, text: string) {
  await page.goto(`${origin}/incidenten/${incidentId}/logboek`);
  await page.getByLabel('Nieuwe logregel').fill(text);
  await page.getByRole('button', { name: 'Logregel opslaan' }).click();
  await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
}

describe('the anonymised export for the NEIG network, on a phone', () => {
  let server: AppServer;
  let profile: Profile;
  let page: Page;
  let incidentId: string;

  beforeAll(async () => {
    server = await startAppServer('dist');
    profile = await launchProfile();
    page = await profile.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    incidentId = await createIncident(page, server.origin, { street: 'Lindelaan', houseNumber: '7' });
    await addLogEntry(page, server.origin, incidentId, 'Gesproken met buurvrouw Anna Smit (06-12345678).');
    await addLogEntry(page, server.origin, incidentId, 'Smit belt morgen terug over de camera.');
  }, 60_000);

  afterAll(async () => {
    await profile.close();
    profile.remove();
    await server.stop();
  });

  it('says what stays and what goes, lets the adviser keep, edit or drop all texts, and lists what was removed', async () => {
    await page.goto(`${server.origin}/incidenten/delen?incident=${incidentId}`);
    const section = page.getByRole('region', { name: 'Exporteren' });
    await section.getByLabel('Geanonimiseerd, voor het netwerk NEIG').check();
    await section.getByText(/^Blijft in het bestand: de gemeente, de vier cijfers van de postcode/).waitFor();
    await section.getByText(/^Gaat eruit: straat en huisnummer/).waitFor();
    expect(await section.getByLabel('Alleen de dag (aanbevolen)').isChecked()).toBe(true);

    await section.getByRole('button', { name: 'Vrije tekst controleren' }).click();
    const texts = section.getByRole('list', { name: 'Vrije teksten' });
    await texts.getByText('Smit belt morgen terug over de camera.').waitFor();
    await section.getByRole('button', { name: 'Alles meesturen, zonder de gevonden gegevens' }).click();
    expect(await texts.getByLabel('Weglaten').count()).toBe(2);
    for (const radio of await texts.getByLabel('Meesturen, zonder de gevonden gegevens').all()) {
      expect(await radio.isChecked()).toBe(true);
    }
    await section.getByRole('button', { name: 'Alles weglaten' }).click();
    for (const radio of await texts.getByLabel('Weglaten').all()) expect(await radio.isChecked()).toBe(true);
    await section.getByRole('button', { name: 'Alles meesturen, zonder de gevonden gegevens' }).click();

    // The second text is edited before it goes; it is still scanned.
    const second = texts.getByRole('listitem').filter({ hasText: 'Smit belt morgen terug' });
    await second.getByLabel('Aangepast meesturen').check();
    await second.getByLabel('Tekst die meegaat').fill('Smit belt terug.');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 360, height: 740 });

    const download = page.waitForEvent('download');
    await section.getByRole('button', { name: /^(Downloaden|Delen)$/ }).click();
    const file = await download;
    const json = readFileSync((await file.path())!, 'utf8');
    const exported = JSON.parse(json);

    expect(json).not.toMatch(/Smit|Anna|12345678|Lindelaan/);
    expect(json).toContain('Gesproken met buurvrouw [naam verwijderd] ([telefoonnummer verwijderd]).');
    expect(json).toContain('[naam verwijderd] belt terug.');
    expect(exported.incidents[0].incident.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const removed = section.getByRole('region', { name: 'Verwijderd uit het bestand' });
    await removed.getByText('tijdstip van het incident (alleen de dag blijft): 2').waitFor();
    await removed.getByText('telefoonnummers in vrije tekst: 1').waitFor();
    await removed.getByText('vrije teksten door u aangepast: 1').waitFor();
    expect(await removed.getByRole('listitem').count()).toBe(exported.removed.length);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
