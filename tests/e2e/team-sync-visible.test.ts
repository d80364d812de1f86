import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { checklistTitles, createIncident, statusButton } from './support/incident-helpers.ts';
import { addContact, fitsAt320 } from './support/local-layer-steps.ts';
import {
  inviteLink,
  localEventIds,
  pair,
  serverEventIds,
  serverLayerText,
  startTeam,
  TEAM_NAME,
  type Team,
  tokenOf,
} from './support/team-phones.ts';

/** Tabs within a third of 360 × 740; the line under them and the first step above the bottom navigation. */
async function firstScreenHolds(page: Page) {
  const bottomOf = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => el.getBoundingClientRect().bottom);
  expect(await bottomOf('.sub-nav')).toBeLessThanOrEqual(740 / 3);
  const firstStep = await page
    .locator('.checklist__item')
    .first()
    .evaluate((el) => el.getBoundingClientRect().top);
  expect(await bottomOf('[data-testid="incident-sync"]')).toBeLessThan(firstStep);
  expect(firstStep).toBeLessThan(740 - 56);
}

/**
 * Where the adviser works, the sync state is in view: a shared incident's header says whether
 * its own changes reached the team, and the Lokaal page the team layer's state and conflict.
 */
describe('the sync state on the incident page and the Lokaal page', () => {
  let team: Team;
  let coordinator: Page;
  let second: Page;

  beforeAll(async () => {
    team = await startTeam();
    coordinator = await team.phone();
    await pair(coordinator, team.coordinatorLink, 'Coördinator C', 'Telefoon C');
  }, 120_000);

  afterAll(() => team?.close());

  it('a shared incident goes from "wachten op verbinding" offline to "alles verstuurd" after reconnecting', async () => {
    const { origin } = team.server;
    const page = coordinator;
    const incidentId = await createIncident(page, origin);
    // Not shared: no line at all.
    expect(await page.getByTestId('incident-sync').count()).toBe(0);
    await page.getByRole('button', { name: 'Delen met team' }).click();
    const line = page.getByTestId('incident-sync');
    await line.getByText('alles verstuurd').waitFor({ timeout: 20_000 });
    expect(await line.textContent()).toBe(`Gedeeld met team ${TEAM_NAME} · verbonden · alles verstuurd`);

    // Header and tabs still within a third of a 360 × 740 screen (issue 15): the line is under the tabs.
    const banner = page.getByTestId('offline-ready');
    if (await banner.isVisible()) await banner.getByRole('button', { name: 'Sluiten' }).click();
    await firstScreenHolds(page);

    await page.context().setOffline(true);
    const [first = '', next = ''] = await checklistTitles(page, 2);
    await statusButton(page, first, 'Gedaan').click();
    await statusButton(page, next, 'Gedaan').click();
    await line.getByText('2 wijzigingen wachten op verbinding, bewaard op dit apparaat').waitFor({ timeout: 20_000 });
    // The live region names the connection, not the count: a tap is not announced.
    expect(await line.getByRole('status').textContent()).toBe(`Gedeeld met team ${TEAM_NAME} · geen verbinding`);
    expect(await seriousViolations(page)).toEqual([]);
    await fitsAt320(page);
    await firstScreenHolds(page);

    await page.context().setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await line.getByText('alles verstuurd').waitFor({ timeout: 30_000 });
    expect(await line.getByRole('status').textContent()).toBe(`Gedeeld met team ${TEAM_NAME} · verbonden`);
    // It says so because it is so: the server holds every event of the incident.
    expect((await serverEventIds(origin, await tokenOf(page), incidentId)).sort()).toEqual(
      await localEventIds(page, incidentId),
    );
  });

  it('the Lokaal page shows a coordinator’s conflict over the team layer and takes the team’s version', async () => {
    const { origin } = team.server;
    const token = await tokenOf(coordinator);
    await coordinator.goto(`${origin}/lokaal`);
    await coordinator.getByLabel('Naam van de gemeente').fill('Rotterdam');
    await coordinator.getByLabel('CBS-code').fill('gm0599');
    await coordinator.getByRole('button', { name: 'Gemeente opslaan' }).click();
    // Stored before addContact loads the page again (a load in the middle of the save loses it).
    await coordinator.getByRole('heading', { level: 1, name: 'Lokaal: Rotterdam' }).waitFor();
    await addContact(coordinator, origin, 'Woonstad calamiteitenlijn', '010 123 45 67');
    const state = (page: Page) => page.getByTestId('team-layer-state');
    await state(coordinator)
      .getByText('dit apparaat heeft de lokale laag van het team', { exact: false })
      .waitFor({ timeout: 20_000 });

    second = await team.phone();
    await pair(second, await inviteLink(coordinator, origin, 'coordinator'), 'Coördinator E', 'Telefoon E');
    await second.goto(`${origin}/lokaal`);
    await second.getByRole('link', { name: /Woonstad calamiteitenlijn/ }).waitFor({ timeout: 20_000 });
    await state(second).getByText('dit apparaat heeft de lokale laag van het team', { exact: false }).waitFor();
    await second.context().setOffline(true);

    await addContact(coordinator, origin, 'Kabinet burgemeester', '010 267 00 00');
    // Only once the server holds the coordinator's upload is the second phone's edit the late one.
    await expect.poll(() => serverLayerText(origin, token), { timeout: 20_000 }).toContain('Kabinet burgemeester');
    await addContact(second, origin, 'Slotenmaker Jansen', '010 111 22 33');
    await state(second)
      .getByText('uw wijzigingen van de lokale laag wachten op verbinding', { exact: false })
      .waitFor({ timeout: 20_000 });

    // Back online on the Lokaal page itself: the conflict is said where the edit was made.
    await second.context().setOffline(false);
    await second.evaluate(() => window.dispatchEvent(new Event('online')));
    const problem = second.getByTestId('local-layer-problem');
    await problem.waitFor({ timeout: 30_000 });
    expect(await problem.textContent()).toContain('Er is niets overschreven');
    expect(await state(second).textContent()).toContain('de lokale laag is niet met het team uitgewisseld');
    expect(await seriousViolations(second)).toEqual([]);
    await fitsAt320(second);
    // The team kept its version.
    expect(await serverLayerText(origin, token)).not.toContain('Slotenmaker Jansen');

    await second.getByRole('button', { name: 'Versie van het team overnemen' }).click();
    await expect.poll(() => problem.count(), { timeout: 20_000 }).toBe(0);
    await state(second).getByText('dit apparaat heeft de lokale laag van het team', { exact: false }).waitFor();
    await second.getByRole('link', { name: /Kabinet burgemeester/ }).waitFor();
    expect(await second.getByRole('link', { name: /Slotenmaker Jansen/ }).count()).toBe(0);
  });
});
