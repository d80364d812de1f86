import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { store } from '../../scripts/bench/page-store.ts';
import type { Kader, KaderStep } from '../../src/content/schema.ts';
import { type AppServer, launchProfile, type Profile, startAppServer } from './support/browser.ts';
import { createIncident, enterActorName, statusButton } from './support/incident-helpers.ts';
import { fitsAt320, literal, narrowPage, publishKader } from './support/local-layer-steps.ts';

/**
 * The municipality's local layer end to end, offline on a 360 px phone: a local contact one tap
 * away on the partner page and in an incident, a local step done in an incident, the layer
 * carried to a second phone as a file, and a note flagged after the national text changed.
 */
describe('the local layer', () => {
  let server: AppServer;
  let phoneA: Profile;
  let phoneB: Profile;
  const root = mkdtempSync(join(tmpdir(), 'hke-dist-'));
  const files = mkdtempSync(join(tmpdir(), 'hke-local-'));
  const kader = JSON.parse(readFileSync('dist/kader.json', 'utf8')) as Kader;
  const direct = kader.phases.find((p) => p.id === 'direct-na')!.steps.filter((s) => s.targets.includes('woning'));
  // A step of the first hour with a partner: shown at the top of a new incident's checklist.
  const withPartner = direct.find((s) => s.partners.length > 0 && s.timeWindow === 'eerste-uur') as KaderStep;
  const partner = kader.partners.find((p) => p.id === withPartner.partners[0])!;
  const annotated = direct.find((s) => s.id !== withPartner.id)!;
  // A step the next national version retires; its note must stay, text intact.
  const retired = kader.phases.find((p) => p.id === 'nazorg')!.steps[0]!;
  const orphanNote = 'Nazorg in Rotterdam loopt via het wijkteam Feijenoord.';
  const unused = direct.find((s) => s.id !== withPartner.id && s.id !== annotated.id)!;
  const localTitle = 'Informeer de beheerders van de buurtapp';

  beforeAll(async () => {
    cpSync('dist', root, { recursive: true });
    server = await startAppServer(root);
    phoneA = await launchProfile();
    phoneB = await launchProfile();
  });

  afterAll(async () => {
    for (const phone of [phoneA, phoneB]) {
      await phone.close();
      phone.remove();
    }
    await server.stop();
    rmSync(root, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  it('keeps a local contact one tap away on the partner page and in an incident, and a local step in its checklist', async () => {
    const page = await narrowPage(phoneA);
    await page.goto(`${server.origin}/lokaal`);
    await enterActorName(page, 'Coördinator Test');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // From here on offline: the service worker serves the app, IndexedDB holds the layer.
    await server.stop();
    await page.reload();

    await page.getByLabel('Naam van de gemeente').fill('Rotterdam');
    await page.getByLabel('CBS-code').fill('gm0599');
    await page.getByRole('button', { name: 'Gemeente opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lokaal: Rotterdam' }).waitFor();
    await fitsAt320(page);

    // Every error at once, next to its field, focus on the first.
    await page.getByRole('link', { name: 'Contact toevoegen' }).click();
    await page.getByLabel('Nummer 1', { exact: true }).fill('bel de piket');
    await page.getByLabel('E-mailadres (optioneel)').fill('geen-adres');
    await page.getByRole('button', { name: 'Contact opslaan' }).click();
    const name = page.getByLabel('Naam', { exact: true });
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Nummer 1', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('E-mailadres (optioneel)').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await fitsAt320(page);

    await name.fill('Woonstad calamiteitenlijn');
    await page.getByLabel('Landelijke partner').selectOption(partner.id);
    await page.getByLabel('Omschrijving nummer 1').fill('Piketlijn');
    await page.getByLabel('Nummer 1', { exact: true }).fill('010 123 45 67');
    await page.getByLabel('E-mailadres (optioneel)').fill('piket@woonstad.example');
    await page.getByLabel('Bereikbaarheid (optioneel)').fill('24/7 piket');
    await page.getByRole('button', { name: 'Contact opslaan' }).click();
    await page.getByRole('link', { name: /Woonstad calamiteitenlijn/ }).waitFor();

    await page.goto(`${server.origin}/partners`);
    const call = page.locator(`[id="${partner.id}"]`).getByRole('link', { name: /Bel Piketlijn/ });
    expect(await call.getAttribute('href')).toBe('tel:0101234567');
    expect(await call.textContent()).toContain('010 123 45 67');
    const box = await call.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await page.locator(`[id="${partner.id}"]`).getByText('Intern').waitFor();
    await fitsAt320(page);

    // A local step after the annotated national step, from that step's page.
    await page.goto(`${server.origin}/lokaal/stap/nieuw?na=${annotated.id}`);
    await page.getByLabel('Titel').fill(localTitle);
    await page.getByLabel('Wat').fill('Vraag de beheerders om geruchten en zorgen uit de buurt door te geven.');
    await page.getByLabel('Waarom').fill('Zo hoort de gemeente vroeg wat er in de straat leeft.');
    await page.getByLabel('Wie', { exact: true }).fill('Wijkregisseur');
    await fitsAt320(page);
    await page.getByRole('button', { name: 'Stap opslaan' }).click();
    // Saved, the editor goes back to where the adviser came from.
    await page.waitForURL((url) => !url.pathname.startsWith('/lokaal/stap/'));

    await page.goto(`${server.origin}/fase/direct-na`);
    const phaseCard = page.getByRole('link', { name: new RegExp(localTitle) });
    expect(await phaseCard.textContent()).toContain('Lokaal');
    await phaseCard.click();
    await page.getByText('Lokale stap van Rotterdam').waitFor();

    // In an incident: the local step is in the checklist, marked, and can be done.
    const incidentId = await createIncident(page, server.origin);
    const row = page.locator('.checklist__item', { hasText: localTitle });
    expect(await row.locator('.local-badge').textContent()).toBe('Lokaal');
    await statusButton(page, localTitle, 'Gedaan').click();
    await expect.poll(() => statusButton(page, localTitle, 'Gedaan').getAttribute('aria-pressed')).toBe('true');

    await page.goto(`${server.origin}/incidenten/${incidentId}/stap/${withPartner.id}`);
    const inIncident = page.getByRole('link', { name: /Bel Piketlijn/ });
    expect(await inIncident.getAttribute('href')).toBe('tel:0101234567');
    expect(await page.getByRole('link', { name: /piket@woonstad\.example/ }).getAttribute('href')).toBe(
      'mailto:piket@woonstad.example',
    );

    // A note on the national step, from its own page.
    await page.goto(`${server.origin}/stap/${annotated.id}`);
    await page.getByRole('link', { name: 'Lokale aanvulling toevoegen' }).click();
    await page.getByLabel('Lokale aanvulling').fill('In Rotterdam belt de wijkregisseur eerst de huismeester.');
    // What was typed survives a reload (an update, another tab's upgrade) as a draft.
    await page.waitForTimeout(100);
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Lokale aanvulling').inputValue())
      .toBe('In Rotterdam belt de wijkregisseur eerst de huismeester.');
    await fitsAt320(page);
    await page.getByRole('button', { name: 'Aanvulling opslaan' }).click();
    await page.waitForURL(`**/stap/${annotated.id}`);
    await page.getByText('In Rotterdam belt de wijkregisseur eerst de huismeester.').waitFor();
    await fitsAt320(page);

    await page.goto(`${server.origin}/lokaal/aanvulling/${retired.id}`);
    await page.getByLabel('Lokale aanvulling').fill(orphanNote);
    await page.getByRole('button', { name: 'Aanvulling opslaan' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/lokaal/aanvulling/'));

    // A national step not used here: its text stays, greyed, with the reason in words.
    await page.goto(`${server.origin}/lokaal/aanvulling/${unused.id}`);
    await page.getByLabel(/Waarom niet van toepassing in Rotterdam/).fill('Doet de veiligheidsregio bij ons.');
    await page.getByRole('button', { name: 'Markering opslaan' }).click();
    await page.getByRole('status').getByText('Opgeslagen: niet van toepassing in Rotterdam.').waitFor();
    await page.goto(`${server.origin}/stap/${unused.id}`);
    await page.getByText('Niet van toepassing in Rotterdam').waitFor();
    expect(await page.locator('.local-nvt').textContent()).toContain('Doet de veiligheidsregio bij ons.');
    await page.getByText(unused.what).waitFor();
    await fitsAt320(page);

    // Search finds the local contact, the local step and the note.
    await page.goto(`${server.origin}/zoeken?q=calamiteitenlijn`);
    await page.getByRole('link', { name: /Woonstad calamiteitenlijn.*Lokaal contact/ }).waitFor();
    await page.goto(`${server.origin}/zoeken?q=buurtapp`);
    await page.getByRole('link', { name: new RegExp(`${localTitle}.*Lokale stap`) }).waitFor();
    await page.goto(`${server.origin}/zoeken?q=huismeester`);
    await page.getByRole('link', { name: new RegExp(`${literal(annotated.title)}.*Lokale aanvulling`) }).waitFor();

    await page.goto(`${server.origin}/lokaal/geschiedenis`);
    await page.getByText('Coördinator Test').first().waitFor();
    expect(await page.locator('.local-history__item').count()).toBe(6);
    await fitsAt320(page);
    await server.start();
  });

  it('goes to a second phone as a file, previewed before it is applied', async () => {
    const page = await narrowPage(phoneA);
    await page.goto(`${server.origin}/lokaal/bestand`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Lokale laag exporteren' }).click();
    const path = join(files, 'lokaal.json');
    await (await download).saveAs(path);
    await fitsAt320(page);

    // For other municipalities: the internal contact is left out, and the page says so.
    const sharedDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporteren voor andere gemeenten' }).click();
    const sharedPath = join(files, 'gedeeld.json');
    await (await sharedDownload).saveAs(sharedPath);
    await page.getByText(/Weggelaten: 1 intern contact/).waitFor();
    const shared = readFileSync(sharedPath, 'utf8');
    expect(shared).toContain(localTitle);
    expect(shared).not.toContain('010 123 45 67');
    expect(shared).not.toContain('Woonstad');

    const other = await narrowPage(phoneB);
    await other.goto(`${server.origin}/lokaal`);
    await enterActorName(other, 'Adviseur Twee');
    await other
      .getByRole('link', { name: 'Importeren en exporteren' })
      .or(other.getByRole('link', { name: 'Een lokale laag importeren' }))
      .first()
      .click();
    // A broken file is refused in Dutch, and nothing is shown to apply.
    const broken = join(files, 'kapot.json');
    writeFileSync(broken, readFileSync(path, 'utf8').slice(0, 200));
    await other.getByLabel('Bestand met een lokale laag kiezen').setInputFiles(broken);
    await other
      .getByRole('alert')
      .getByText(/kan niet worden gelezen.*Er is niets veranderd/)
      .waitFor();
    expect(await other.getByRole('region', { name: 'Voorvertoning' }).count()).toBe(0);

    await other.getByLabel('Bestand met een lokale laag kiezen').setInputFiles(path);
    const preview = other.getByRole('region', { name: 'Voorvertoning' });
    await preview.getByText('Woonstad calamiteitenlijn').waitFor();
    await preview.getByText(localTitle).waitFor();
    await fitsAt320(other);
    await other.getByRole('button', { name: 'Importeren' }).click();
    await other.getByText(/^Geïmporteerd: de lokale laag van Rotterdam/).waitFor();

    await other.goto(`${server.origin}/partners`);
    const call = other.locator(`[id="${partner.id}"]`).getByRole('link', { name: /Bel Piketlijn/ });
    expect(await call.getAttribute('href')).toBe('tel:0101234567');

    // In a team only the coordinator changes the layer; an adviser sees it read-only.
    const membership = { teamName: 'Team Rotterdam', deviceName: 'Telefoon B', cursor: '0' };
    await store(other, 'settings', [{ key: 'syncTeam', value: { ...membership, role: 'adviseur' } }]);
    await other.goto(`${server.origin}/lokaal`);
    await other.getByText(/alleen die kan de lokale laag wijzigen/).waitFor();
    expect(await other.getByRole('link', { name: 'Contact toevoegen' }).count()).toBe(0);
    await other.goto(`${server.origin}/lokaal/contact/nieuw`);
    await other.getByText(/alleen die kan de lokale laag wijzigen/).waitFor();
    expect(await other.getByRole('button', { name: 'Contact opslaan' }).count()).toBe(0);
    await store(other, 'settings', [{ key: 'syncTeam', value: { ...membership, role: 'coordinator' } }]);
    await other.goto(`${server.origin}/lokaal`);
    await other.getByRole('link', { name: 'Contact toevoegen' }).waitFor();

    // Its own file again: the safe choice is preset; the file for other municipalities only adds.
    await other.goto(`${server.origin}/lokaal/bestand`);
    await other.getByLabel('Bestand met een lokale laag kiezen').setInputFiles(path);
    const again = other.getByRole('region', { name: 'Voorvertoning' });
    expect(await again.getByRole('radio', { name: /^Alleen toevoegen en bijwerken/ }).isChecked()).toBe(true);
    await again.getByRole('radio', { name: /^Vervangen door het bestand/ }).check();
    await again.getByText(/De laag hier wordt vervangen door het bestand/).waitFor();
    await other.getByLabel('Bestand met een lokale laag kiezen').setInputFiles(sharedPath);
    await again.getByText(/Daarom wordt alleen toegevoegd wat hier nog ontbreekt/).waitFor();
    expect(await again.getByRole('radio').count()).toBe(0);
  });

  it('flags a note whose national text changed, and keeps a note whose step was retired', async () => {
    const page = await narrowPage(phoneA);
    await page.goto(`${server.origin}/stap/${annotated.id}`);
    await page.getByText('In Rotterdam belt de wijkregisseur eerst de huismeester.').waitFor();
    expect(await page.getByText('Landelijke tekst gewijzigd').count()).toBe(0);

    // A new national content version: the step's text changed; the service worker offers the update.
    const next: Kader = {
      ...kader,
      version: `${kader.version}-test`,
      phases: kader.phases.map((p) => ({
        ...p,
        steps: p.steps
          .filter((s) => s.id !== retired.id)
          .map((s) => (s.id === annotated.id ? { ...s, what: `${s.what} Nieuw: meld dit ook aan de GGD.` } : s)),
      })),
    };
    publishKader(root, next);
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await page.getByRole('button', { name: 'Bijwerken' }).click({ timeout: 30_000 });
    await page.getByText('Landelijke tekst gewijzigd, controleer uw aanvulling.').waitFor({ timeout: 30_000 });
    // The note itself is kept as written.
    await page.getByText('In Rotterdam belt de wijkregisseur eerst de huismeester.').waitFor();

    await page.goto(`${server.origin}/lokaal`);
    await page
      .getByRole('region', { name: /Controleer na de update/ })
      .getByText(annotated.title)
      .waitFor();
    // The note on the retired step: kept, with its text, on the attention list.
    await page
      .getByRole('region', { name: /Controleer na de update/ })
      .getByText(orphanNote)
      .waitFor();
    await fitsAt320(page);
  });
});
