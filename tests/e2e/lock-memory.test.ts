import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Profile } from './support/browser.ts';
import { appWithProfile, gotoUnlocked, incidentThenLock, vergrendelButton } from './support/lock-helpers.ts';

/** A heap snapshot of the page (DevTools protocol; it collects garbage first), as one string. */
async function heapSnapshot(profile: Profile, page: Page): Promise<string> {
  const cdp = await profile.context.newCDPSession(page);
  const chunks: string[] = [];
  const on = cdp as unknown as { on(event: string, listener: (e: { chunk: string }) => void): void };
  on.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  return chunks.join('');
}

/**
 * After "Vergrendel", what the tab had decrypted is gone from its memory, not only the
 * key: the JavaScript heap holds no planted address or log entry. The same search finds
 * them while the app is open, so it can see what it looks for.
 */
describe('a lock clears the page’s memory', () => {
  const env = appWithProfile();
  const token = Date.now().toString(36);
  const street = `Geheugenstraat${token}`;
  const log = `geheugenlog${token}`;

  it('holds no planted string in the JavaScript heap once locked', async () => {
    const { page, incidentId } = await incidentThenLock(env, street);
    // A fresh page: what the set-up and the plain creation left in memory is gone with it.
    await gotoUnlocked(page, `${env.server.origin}/incidenten/${incidentId}/logboek`);
    await page.getByLabel('Nieuwe logregel').fill(log);
    await page.getByRole('button', { name: 'Logregel opslaan' }).click();
    await page.locator('.timeline__item', { hasText: log }).waitFor();
    await gotoUnlocked(page, `${env.server.origin}/incidenten`);
    await page.getByText(street).first().waitFor();
    await gotoUnlocked(page, `${env.server.origin}/incidenten/${incidentId}/logboek`);
    await page.locator('.timeline__item', { hasText: log }).waitFor();

    const open = await heapSnapshot(env.profile, page);
    expect(open).toContain(street);
    expect(open).toContain(log);

    await vergrendelButton(page).first().click();
    await page.getByRole('heading', { level: 1, name: 'Vergrendeld' }).waitFor();
    // Dexie's query results and React's unmounted trees are let go after the current task.
    await page.waitForTimeout(500);
    const locked = await heapSnapshot(env.profile, page);
    expect(locked.includes(street), 'address in the heap after the lock').toBe(false);
    expect(locked.includes(log), 'log entry in the heap after the lock').toBe(false);
  });
});
