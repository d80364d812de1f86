import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchProfile, type Profile } from './browser.ts';
import { enterActorName } from './incident-helpers.ts';
import { createSyncServer, type SyncServer } from './sync-server.ts';

/**
 * A team's setup for browser tests (issue 13): the real server with a team, and phones as
 * persistent profiles 360 px wide (a small Android phone) that accept confirmations.
 */
export const TEAM_NAME = 'Gemeente Test';

export interface Team {
  server: SyncServer;
  /** The one-time coordinator invite of the server command. */
  coordinatorLink: string;
  /** A new phone; closed and removed by `close`. */
  phone(): Promise<Page>;
  close(): Promise<void>;
}

export async function startTeam(): Promise<Team> {
  const server = await createSyncServer();
  const coordinatorLink = await server.createTeam(TEAM_NAME);
  await server.start();
  const profiles: Profile[] = [];
  return {
    server,
    coordinatorLink,
    async phone() {
      const profile = await launchProfile();
      profiles.push(profile);
      const page = await profile.context.newPage();
      await page.setViewportSize({ width: 360, height: 740 });
      page.on('dialog', (dialog) => void dialog.accept());
      return page;
    },
    async close() {
      for (const profile of profiles) {
        await profile.close().catch(() => undefined);
        profile.remove();
      }
      await server.stop();
      server.remove();
    },
  };
}

export async function pair(page: Page, link: string, actor: string, deviceName: string) {
  await page.goto(link);
  await enterActorName(page, actor);
  await page.getByLabel(/Naam van dit apparaat/).fill(deviceName);
  await page.getByRole('button', { name: 'Koppelen' }).click();
  await page.getByText(`Dit apparaat hoort bij team ${TEAM_NAME}`).waitFor();
  // The code left the address bar with the redemption.
  expect(page.url()).not.toContain('code=');
  // Installed, as a phone taken to the scene would be: a fresh profile's service worker may still
  // be fetching the app, and a phone going offline before it is active cannot open a page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** The coordinator makes an invite in the app and returns its link. */
export async function inviteLink(coordinator: Page, origin: string, role: 'adviseur' | 'meelezer' | 'coordinator') {
  await coordinator.goto(`${origin}/incidenten/team`);
  await coordinator.getByLabel('Rol').selectOption(role);
  await coordinator.getByRole('button', { name: 'Maak uitnodiging' }).click();
  await coordinator.getByRole('img', { name: 'QR-code van de uitnodiging' }).waitFor();
  return (await coordinator.getByTestId('invite-link').textContent()) ?? '';
}

/** A stored setting of the phone (no lock set up in these tests, so the row is plain). */
export function settingOf<T>(page: Page, key: string): Promise<T> {
  return page.evaluate(
    (k) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open('handelingskader');
        open.onsuccess = () => {
          const get = open.result.transaction('settings').objectStore('settings').get(k);
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result?.value);
          };
          get.onerror = () => reject(get.error);
        };
        open.onerror = () => reject(open.error);
      }),
    key,
  );
}

/** The device token as stored. */
export async function tokenOf(page: Page): Promise<string> {
  return (await settingOf<{ token: string }>(page, 'syncTeam')).token;
}

/** The ids of the incident's events on the phone: its log row plus appended rows. */
export function localEventIds(page: Page, incidentId: string): Promise<string[]> {
  return page.evaluate(
    (id) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('handelingskader');
        open.onsuccess = () => {
          const tx = open.result.transaction(['logs', 'appendedEvents']);
          const ids: string[] = [];
          const log = tx.objectStore('logs').get(id);
          log.onsuccess = () => {
            for (const event of log.result?.events ?? []) ids.push(event.id);
          };
          const appended = tx.objectStore('appendedEvents').getAll();
          appended.onsuccess = () => {
            for (const event of appended.result) if (event.incidentId === id) ids.push(event.id);
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve(ids.sort());
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    incidentId,
  );
}

/** Every event of the incident the server holds, as a member reads them (all pages). */
export async function serverEventIds(origin: string, token: string, incidentId: string): Promise<string[]> {
  const ids: string[] = [];
  let after = '0';
  for (;;) {
    const response = await fetch(`${origin}/api/sync/v1/events?after=${after}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as {
      changes: { type: string; event?: { id: string; incidentId: string } }[];
      cursor: string;
      more: boolean;
    };
    for (const change of body.changes) if (change.event?.incidentId === incidentId) ids.push(change.event.id);
    after = body.cursor;
    if (!body.more) return ids;
  }
}

/** The team layer as the server holds it now (what a member's phone would fetch). */
export async function serverLayerText(origin: string, token: string): Promise<string> {
  const response = await fetch(`${origin}/api/sync/v1/local-layer?known=0`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return JSON.stringify(await response.json());
}
