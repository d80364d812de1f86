import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * After a SIGKILL in the middle of heavy writing, Chromium sometimes finds its own
 * database corrupt on the next start (a LevelDB checksum mismatch), deletes it and starts
 * an empty one: on CI once, here under load about one run in ten. That loss is the
 * browser's. The app says so (database-wiped.test.ts); a kill test, which asks whether
 * the app goes on where it was, has then nothing left to go on with.
 */
export class BrowserWipedDatabase extends Error {}

export const WIPE_HEADING = 'De browser heeft de gegevens van deze app gewist';

export const wipeNotice = (page: Page) => page.getByRole('region', { name: WIPE_HEADING });

/** Throws BrowserWipedDatabase, with the browser's reason, when the app shows that the database was deleted. */
export async function failIfWiped(page: Page): Promise<void> {
  if (!(await wipeNotice(page).isVisible())) return;
  const text = await wipeNotice(page)
    .textContent()
    .catch(() => '');
  throw new BrowserWipedDatabase(`Chromium deleted the database as corrupt: ${text}`);
}

/**
 * Runs a kill test on a fresh profile, and again on another one when Chromium wiped the
 * database (at most `times` runs): only that error starts a new run, anything else fails.
 */
export async function onFreshProfiles(
  prefix: string,
  run: (dir: string) => Promise<void>,
  times = 3,
): Promise<{ wiped: number }> {
  let wiped = 0;
  for (;;) {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    try {
      await run(dir);
      return { wiped };
    } catch (error) {
      if (!(error instanceof BrowserWipedDatabase) || ++wiped >= times) throw error;
      console.warn(`Run ${wiped} of ${prefix}: ${error.message}; again on a fresh profile.`);
    } finally {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  }
}
