import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, launchProfile, type Profile, startAppServer } from './support/browser.ts';
import { checklistTitles, createIncident, enterActorName, statusButton } from './support/incident-helpers.ts';

const files = mkdtempSync(join(tmpdir(), 'hke-files-'));

async function exportFile(
  page: Page,
  origin: string,
  incidentId: string,
  name: string,
  options: { anonymised?: boolean; passphrase?: string } = {},
): Promise<string> {
  await page.goto(`${origin}/incidenten/delen?incident=${incidentId}`);
  await page.getByRole('heading', { name: 'Exporteren' }).waitFor();
  if (options.anonymised) {
    await page.getByLabel('Geanonimiseerd, voor het netwerk NEIG').check();
    await page.getByRole('button', { name: 'Vrije tekst controleren' }).click();
    await page.getByRole('heading', { name: 'Vrije tekst controleren' }).waitFor();
  }
  const section = page.getByRole('region', { name: 'Exporteren' });
  if (options.passphrase) {
    await section.getByLabel('Wachtzin', { exact: true }).fill(options.passphrase);
    await section.getByLabel('Herhaal de wachtzin').fill(options.passphrase);
  }
  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: /^(Downloaden|Delen)$/ }).click();
  if (!options.anonymised && !options.passphrase) {
    // A plain own file is asked for once more: it holds names and addresses.
    await section.getByText('Dit bestand bevat namen en adressen en is niet versleuteld.').waitFor();
    await section.getByRole('button', { name: /^Toch onversleuteld (downloaden|delen)$/ }).click();
  }
  const path = join(files, name);
  await (await download).saveAs(path);
  return path;
}

async function importFile(page: Page, origin: string, path: string, passphrase?: string) {
  await page.goto(`${origin}/incidenten/delen`);
  await page.getByLabel('Kies een bestand (of sleep het hierheen)').setInputFiles(path);
  if (passphrase) {
    await page.getByLabel(/^Wachtzin van /).fill(passphrase);
    await page.getByRole('button', { name: 'Openen' }).click();
  }
}

async function storedEventIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('handelingskader');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('logs').objectStore('logs').getAll();
          request.onsuccess = () => {
            open.result.close();
            const logs = request.result as { events: { id: string }[] }[];
            resolve(logs.flatMap((log) => log.events.map((event) => event.id)).sort());
          };
        };
      }),
  );
}

describe('exchanging files between two advisers', () => {
  let server: AppServer;
  let alice: Profile;
  let bob: Profile;
  let a: Page;
  let b: Page;
  let incidentId = '';
  let titles: string[] = [];

  beforeAll(async () => {
    server = await startAppServer('dist');
    alice = await launchProfile();
    bob = await launchProfile();
    a = await alice.context.newPage();
    b = await bob.context.newPage();
    incidentId = await createIncident(a, server.origin, { street: 'Lindelaan', houseNumber: '7' });
    titles = await checklistTitles(a, 3);
    await statusButton(a, titles[0]!, 'Gedaan').click();
    await a.locator(`[data-step-id] .segmented__option--gedaan[aria-pressed="true"]`).first().waitFor();
    await b.goto(`${server.origin}/incidenten`);
    await enterActorName(b, 'Bob');
    for (const page of [a, b]) {
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
    }
  });

  afterAll(async () => {
    for (const p of [alice, bob]) {
      await p?.close();
      p?.remove();
    }
    await server?.stop();
    rmSync(files, { recursive: true, force: true });
  });

  it('work the same incident offline, exchange both ways and end identical', async () => {
    const first = await exportFile(a, server.origin, incidentId, 'a1.json');
    await importFile(b, server.origin, first);
    await b.getByText('nieuw, 2 van 2 vastleggingen nieuw').waitFor();
    await b.getByRole('button', { name: 'Importeren' }).click();
    await b.getByText(/\d+ vastlegging(en)? toegevoegd/).waitFor();

    await server.stop();
    await a.goto(`${server.origin}/incidenten/${incidentId}`);
    await statusButton(a, titles[1]!, 'Later').click();
    await expect.poll(() => statusButton(a, titles[1]!, 'Later').getAttribute('aria-pressed')).toBe('true');
    await b.goto(`${server.origin}/incidenten/${incidentId}`);
    await statusButton(b, titles[1]!, 'Gedaan').click();
    await expect.poll(() => statusButton(b, titles[1]!, 'Gedaan').getAttribute('aria-pressed')).toBe('true');
    await statusButton(b, titles[2]!, 'N.v.t.').click();
    await b.getByLabel('Waarom niet van toepassing?').fill('Geen buren');
    await b.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect.poll(() => statusButton(b, titles[2]!, 'N.v.t.').getAttribute('aria-pressed')).toBe('true');

    const fromA = await exportFile(a, server.origin, incidentId, 'a2.json');
    const fromB = await exportFile(b, server.origin, incidentId, 'b2.json');
    await importFile(b, server.origin, fromA);
    await b.locator('.conflict').first().waitFor();
    await b.getByRole('button', { name: 'Importeren' }).click();
    await b.getByText(/\d+ vastlegging(en)? toegevoegd/).waitFor();
    await importFile(a, server.origin, fromB);
    await a.getByRole('button', { name: 'Importeren' }).click();
    await a.getByText(/\d+ vastlegging(en)? toegevoegd/).waitFor();

    expect(await storedEventIds(a)).toEqual(await storedEventIds(b));
    // Bob's change was the later one, on both devices.
    for (const page of [a, b]) {
      await page.goto(`${server.origin}/incidenten/${incidentId}`);
      await expect.poll(() => statusButton(page, titles[1]!, 'Gedaan').getAttribute('aria-pressed')).toBe('true');
      expect(await statusButton(page, titles[2]!, 'N.v.t.').getAttribute('aria-pressed')).toBe('true');
    }
    // Both changes stay visible in the log.
    await a.goto(`${server.origin}/incidenten/${incidentId}/logboek`);
    await a.getByText(`${titles[1]}: Later`).waitFor();
    await a.getByText(`${titles[1]}: Gedaan`).waitFor();

    // Importing the same file again changes nothing.
    const before = await storedEventIds(a);
    await importFile(a, server.origin, fromB);
    await a.getByText('Alles uit dit bestand staat er al.').waitFor();
    expect(await storedEventIds(a)).toEqual(before);
    await server.start();
  });

  it('imports an anonymised file only as reference material, without the address or names', async () => {
    await a.goto(`${server.origin}/incidenten/${incidentId}/logboek`);
    await a.getByLabel('Nieuwe logregel').fill('Gesproken met buurman Jansen, 06-12345678');
    await a.getByRole('button', { name: 'Logregel opslaan' }).click();
    await a.locator('.timeline .entry__text', { hasText: 'Gesproken met buurman Jansen' }).waitFor();
    const path = await exportFile(a, server.origin, incidentId, 'anoniem.json', { anonymised: true });
    const text = readFileSync(path, 'utf8');
    for (const secret of ['Lindelaan', 'Test Adviseur', 'Jansen', '12345678', '1234 AB'])
      expect(text).not.toContain(secret);
    expect(text).toContain('Utrecht');

    const ownBefore = await storedEventIds(b);
    await importFile(b, server.origin, path);
    await b.getByRole('button', { name: 'Importeren' }).click();
    await b.getByText('uit het netwerk bijgewerkt').waitFor();
    expect(await storedEventIds(b)).toEqual(ownBefore);
    await b.goto(`${server.origin}/incidenten/netwerk`);
    await b.getByRole('list', { name: 'Incidenten uit het netwerk' }).getByRole('link').first().waitFor();
  });

  it('opens an encrypted file only with the right passphrase', async () => {
    const secret = 'paard batterij nietje correct';
    const path = await exportFile(a, server.origin, incidentId, 'versleuteld.json', { passphrase: secret });
    expect(readFileSync(path, 'utf8')).not.toContain('Lindelaan');
    await importFile(b, server.origin, path, 'verkeerde wachtzin');
    await b.getByText('De wachtzin is onjuist, of het bestand is beschadigd of gewijzigd.').waitFor();
    await b.getByLabel(/^Wachtzin van /).fill(secret);
    await b.getByRole('button', { name: 'Openen' }).click();
    await b.getByRole('region', { name: 'Voorbeeld van de import' }).waitFor();
  });

  it('refuses a damaged file with a Dutch message and changes nothing', async () => {
    const good = readFileSync(join(files, 'a2.json'), 'utf8');
    const broken = join(files, 'afgebroken.json');
    writeFileSync(broken, good.slice(0, Math.floor(good.length / 2)));
    const before = await storedEventIds(b);
    await importFile(b, server.origin, broken);
    await b.getByText('Dit bestand kan niet worden gelezen').waitFor();
    expect(await storedEventIds(b)).toEqual(before);
  });

  it('shows a printable dossier with the decision and step status', async () => {
    await a.goto(`${server.origin}/incidenten/${incidentId}/besluit`);
    await a.getByRole('group', { name: 'Juridisch instrument' }).getByRole('radio').first().check();
    await a.getByLabel('Motivering (geschikt, noodzakelijk, evenwichtig)').fill('Noodzakelijk wegens herhaling.');
    await a.getByRole('button', { name: 'Besluit opslaan' }).click();
    // Saved once the form hands over to the logbook; leaving the page earlier would abort the write.
    await a.waitForURL(`**/incidenten/${incidentId}/logboek`);
    await a.goto(`${server.origin}/incidenten/${incidentId}/dossier`);
    await a.getByRole('button', { name: 'Afdrukken of opslaan als pdf' }).waitFor();
    await a.getByText('Motivering: Noodzakelijk wegens herhaling.').waitFor();
    await a.getByRole('cell', { name: titles[0]! }).waitFor();
    // What "opslaan als pdf" produces, with the print stylesheet applied.
    await a.emulateMedia({ media: 'print' });
    expect(await a.getByRole('button', { name: 'Afdrukken of opslaan als pdf' }).isVisible()).toBe(false);
    const pdf = await a.pdf();
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await a.emulateMedia({ media: 'screen' });
  });
});
