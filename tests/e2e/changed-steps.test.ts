import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { store } from '../../scripts/bench/page-store.ts';
import { seedIncidents } from '../../scripts/bench/seed-incidents.ts';
import { buildKader } from '../../scripts/content/build-kader.ts';
import { stepsChangedSince } from '../../src/content/changelog.ts';
import { type AppServer, launchProfile, type Profile, startAppServer } from './support/browser.ts';
import { enterActorName } from './support/incident-helpers.ts';

/** An incident started on an older version of the framework says which of its steps changed since. */
describe('an incident from an older framework version', () => {
  let server: AppServer;
  let profile: Profile;
  const kader = buildKader('content');
  const older = kader.changelog.at(-1)!.version;

  beforeAll(async () => {
    server = await startAppServer('dist');
    profile = await launchProfile();
  });

  afterAll(async () => {
    await profile.close();
    profile.remove();
    await server.stop();
  });

  it('lists the changed steps, one line until opened, with links to them', async () => {
    const changed = stepsChangedSince(kader, older);
    expect(changed.length).toBeGreaterThan(0);
    const page = await profile.context.newPage();
    await page.goto(`${server.origin}/incidenten`);
    await enterActorName(page, 'Test Adviseur');
    // One incident as a device on the older version would have started it.
    const { logs, rows, settings } = seedIncidents({ ...kader, version: older }, 1, 5);
    await store(page, 'logs', logs);
    await store(page, 'incidents', rows);
    await store(page, 'settings', settings);
    const incidentId = (rows[0] as { id: string }).id;

    await page.goto(`${server.origin}/incidenten/${incidentId}`);
    const notice = page.locator('details.changed-steps');
    const summary = notice.locator('summary');
    await expect.poll(() => summary.textContent()).toContain('sinds dit incident begon');
    expect(await summary.textContent()).toContain(changed.length === 1 ? 'Eén stap' : `${changed.length} stappen`);
    expect(await notice.getAttribute('open')).toBeNull();
    await summary.click();
    const first = kader.phases.flatMap((p) => p.steps).find((s) => s.id === changed[0])!;
    const link = notice.getByRole('link', { name: first.title });
    expect(await link.getAttribute('href')).toBe(`/incidenten/${incidentId}/stap/${first.id}`);
    expect(await notice.getByRole('link').count()).toBe(changed.length + 1);
  });
});
