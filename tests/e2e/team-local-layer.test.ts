import { readFileSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kader } from '../../src/content/schema.ts';
import { addContact, fillContact } from './support/local-layer-steps.ts';
import { inviteLink, pair, serverLayerText, startTeam, type Team, tokenOf } from './support/team-phones.ts';

/**
 * The municipality's local layer shared through the team server (issue 14, last point): the
 * coordinator adds a local contact, an adviser's phone shows it on the partner page without a
 * reload, its history names the coordinator's phone, and a revoked phone loses the layer.
 */
describe("the team's local layer between two phones", () => {
  let team: Team;
  let coordinator: Page;
  let adviseur: Page;
  const kader = JSON.parse(readFileSync('dist/kader.json', 'utf8')) as Kader;
  const partner = kader.partners[0]!;
  const callLink = (page: Page) => page.locator(`[id="${partner.id}"]`).getByRole('link', { name: /Bel Piketlijn/ });

  beforeAll(async () => {
    team = await startTeam();
    coordinator = await team.phone();
    adviseur = await team.phone();
    await pair(coordinator, team.coordinatorLink, 'Coördinator C', 'Telefoon C');
    await pair(adviseur, await inviteLink(coordinator, team.server.origin, 'adviseur'), 'Adviseur D', 'Telefoon D');
  }, 120_000);

  afterAll(() => team?.close());

  it('a contact the coordinator adds appears on the adviser’s partner page, live', async () => {
    const { origin } = team.server;
    await adviseur.goto(`${origin}/partners`);
    await adviseur.locator(`[id="${partner.id}"]`).waitFor();
    expect(await callLink(adviseur).count()).toBe(0);

    await coordinator.goto(`${origin}/lokaal`);
    await coordinator.getByLabel('Naam van de gemeente').fill('Rotterdam');
    await coordinator.getByLabel('CBS-code').fill('gm0599');
    await coordinator.getByRole('button', { name: 'Gemeente opslaan' }).click();
    // In the app, no page load: the municipality and the contact go up as one revision (the upload is debounced).
    await coordinator.getByRole('link', { name: 'Contact toevoegen' }).click();
    await fillContact(coordinator, 'Woonstad calamiteitenlijn', '010 123 45 67', 'Piketlijn');
    await coordinator.getByRole('link', { name: /Woonstad calamiteitenlijn/ }).waitFor();

    // No reload on the adviser's phone: the stream's notice fetches the layer, the page follows the store.
    await callLink(adviseur).waitFor({ timeout: 20_000 });
    expect(await callLink(adviseur).getAttribute('href')).toBe('tel:0101234567');

    // Taken over through the import of a layer file, with who and when in its history.
    await adviseur.goto(`${origin}/lokaal/geschiedenis`);
    await adviseur
      .getByText(/Telefoon C/)
      .first()
      .waitFor();
    expect(await adviseur.getByText(/Lokale laag van Rotterdam \(gm0599/).count()).toBeGreaterThan(0);
  });

  it('a contact the coordinator removes leaves the adviser’s phone too', async () => {
    const { origin } = team.server;
    // Counted first: the first test's municipality and contact may have come as one revision or
    // as two (the coordinator's upload is debounced, and typing the contact can outlast it).
    const imports = () => adviseur.getByText(/Lokale laag van Rotterdam \(gm0599/).count();
    await adviseur.goto(`${origin}/lokaal/geschiedenis`);
    await expect.poll(imports).toBeGreaterThan(0);
    const before = await imports();
    await adviseur.goto(`${origin}/partners`);
    await callLink(adviseur).waitFor();
    await coordinator.goto(`${origin}/lokaal`);
    await coordinator.getByRole('link', { name: /Woonstad calamiteitenlijn/ }).click();
    await coordinator.getByRole('button', { name: 'Contact verwijderen' }).click();
    await coordinator.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await coordinator.waitForURL((url) => !url.pathname.startsWith('/lokaal/contact/'));
    await expect.poll(() => callLink(adviseur).count(), { timeout: 20_000 }).toBe(0);
    // What the adviser's phone holds again: the team's layer, one contact fewer, and the one before in its history.
    await adviseur.goto(`${origin}/lokaal/geschiedenis`);
    await expect.poll(imports).toBe(before + 1);
    // Add it again for the revocation below.
    await addContact(coordinator, origin, 'Woonstad calamiteitenlijn', '010 123 45 67', 'Piketlijn');
    await adviseur.goto(`${origin}/partners`);
    await callLink(adviseur).waitFor({ timeout: 20_000 });
  });

  it('a revision stored while a phone opens its stream reaches it without waiting for the next periodic check', async () => {
    const { origin } = team.server;
    const token = await tokenOf(coordinator);
    // The adviser's page has fetched the layer and asks for its stream's ticket: the coordinator's
    // upload lands just then, announced to no stream of that phone.
    let held = false;
    const ticket = '**/api/sync/v1/stream-tickets';
    await adviseur.context().route(ticket, async (route) => {
      try {
        if (held) return;
        held = true;
        await addContact(coordinator, origin, 'Officier van dienst brandweer', '010 446 89 00');
        await expect.poll(() => serverLayerText(origin, token), { timeout: 20_000 }).toContain('Officier van dienst');
      } finally {
        await route.continue();
      }
    });
    try {
      await adviseur.goto(`${origin}/partners`);
      await expect.poll(() => held, { timeout: 20_000 }).toBe(true);
      // Well inside the minute of the periodic check: the stream's start looks once more.
      await adviseur.getByText('Officier van dienst brandweer').waitFor({ timeout: 20_000 });
    } finally {
      await adviseur.context().unroute(ticket);
    }
  });

  it('a team layer that cannot be fetched does not make the phone reopen its stream over and over', async () => {
    const { origin } = team.server;
    const layer = (url: URL) => url.pathname === '/api/sync/v1/local-layer';
    const tickets: string[] = [];
    const onRequest = (request: Request) => {
      if (request.url().includes('/api/sync/v1/stream-tickets')) tickets.push(request.url());
    };
    await adviseur.context().route(layer, (route) => route.fulfill({ status: 503, body: '' }));
    adviseur.context().on('request', onRequest);
    try {
      await adviseur.goto(`${origin}/incidenten`);
      await expect.poll(() => tickets.length, { timeout: 20_000 }).toBeGreaterThan(0);
      // The failed check waits for the periodic run; the stream opened after it stays open.
      await adviseur.waitForTimeout(8_000);
      expect(tickets.length).toBeLessThanOrEqual(2);
      expect(await adviseur.getByTestId('sync-state').textContent()).toContain('Verbonden met het team.');
    } finally {
      adviseur.context().off('request', onRequest);
      await adviseur.context().unroute(layer);
    }
  });

  it('a second coordinator phone with unsent edits overwrites nothing, says so, and can take the team’s version', async () => {
    const { origin } = team.server;
    const second = await team.phone();
    await pair(second, await inviteLink(coordinator, origin, 'coordinator'), 'Coördinator E', 'Telefoon E');
    await second.goto(`${origin}/partners`);
    await callLink(second).waitFor({ timeout: 20_000 });
    await second.goto(`${origin}/lokaal`);
    await second.getByRole('link', { name: 'Contact toevoegen' }).waitFor();
    await second.context().setOffline(true);

    await addContact(coordinator, origin, 'Kabinet burgemeester', '010 267 00 00');
    // The coordinator's upload runs in the background (debounced): only once the server holds it
    // is the second phone's edit the late one. Otherwise the second phone may upload first and
    // rightly win, and the conflict is the coordinator's.
    const token = await tokenOf(coordinator);
    await expect.poll(() => serverLayerText(origin, token), { timeout: 20_000 }).toContain('Kabinet burgemeester');
    await second.getByRole('link', { name: 'Contact toevoegen' }).click();
    await fillContact(second, 'Slotenmaker Jansen', '010 111 22 33');
    await second.getByRole('link', { name: /Slotenmaker Jansen/ }).waitFor();

    await second.context().setOffline(false);
    await second.goto(`${origin}/incidenten`);
    await second.evaluate(() => window.dispatchEvent(new Event('online')));
    const problem = second.getByTestId('local-layer-problem');
    await problem.waitFor({ timeout: 30_000 });
    expect(await problem.textContent()).toContain('Er is niets overschreven');
    // Neither side lost anything: the team kept its version, this phone its own.
    await coordinator.goto(`${origin}/partners`);
    await coordinator.getByText('Kabinet burgemeester').waitFor();
    expect(await coordinator.getByText('Slotenmaker Jansen').count()).toBe(0);

    await second.getByRole('button', { name: 'Versie van het team overnemen' }).click();
    await expect.poll(() => problem.count(), { timeout: 20_000 }).toBe(0);
    await second.goto(`${origin}/partners`);
    await second.getByText('Kabinet burgemeester').waitFor();
    expect(await second.getByText('Slotenmaker Jansen').count()).toBe(0);
  });

  it('a revoked phone loses the team’s layer with the shared incidents', async () => {
    const { origin } = team.server;
    await coordinator.goto(`${origin}/incidenten/team`);
    await coordinator.getByRole('button', { name: 'Intrekken: Telefoon D' }).click();
    await adviseur.goto(`${origin}/incidenten`);
    await adviseur.evaluate(() => window.dispatchEvent(new Event('online')));
    await adviseur
      .getByTestId('sync-state')
      .getByText('Dit apparaat is ingetrokken', { exact: false })
      .waitFor({ timeout: 30_000 });
    await adviseur.getByText('De lokale laag van het team is ook verwijderd.', { exact: false }).waitFor();
    await adviseur.goto(`${origin}/partners`);
    await adviseur.locator(`[id="${partner.id}"]`).waitFor();
    await expect.poll(() => callLink(adviseur).count(), { timeout: 10_000 }).toBe(0);
    // The coordinator's phone keeps it.
    await coordinator.goto(`${origin}/partners`);
    await callLink(coordinator).waitFor();
  });
});
