import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, launchOwnedChromium, type OwnedBrowser, startAppServer } from './support/browser.ts';
import { enterActorName } from './support/incident-helpers.ts';

/**
 * Chromium deletes a database it finds corrupt when opening it, and starts an empty one
 * (seen on CI after a kill during the lock's migration). The app must say so, not look
 * like a new device. The test damages the database's write-ahead log the way a torn
 * write does: bytes of a stored record changed, so its checksum no longer matches.
 */
describe('a database the browser deleted as corrupt', () => {
  let server: AppServer;
  let browser: OwnedBrowser | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'hke-wiped-'));
  const heading = 'De browser heeft de gegevens van deze app gewist';
  const name = `Wisproef${Date.now().toString(36)}`;

  beforeAll(async () => {
    server = await startAppServer('dist');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });

  /**
   * Inverts bytes inside a stored value (the adviser's name) in the origin's LevelDB log:
   * a record's checksum then fails. Bytes of a record header near the end could instead
   * read as a torn last write, which LevelDB drops without a word.
   */
  function damageLog(): string {
    const root = join(dir, 'Default', 'IndexedDB');
    const store = readdirSync(root).find((name) => name.includes(`localhost_${server.port}.indexeddb.leveldb`));
    if (!store) throw new Error(`No database of port ${server.port} in ${readdirSync(root).join(', ')}`);
    const logs = readdirSync(join(root, store))
      .filter((name) => name.endsWith('.log'))
      .map((name) => join(root, store, name))
      .sort((a, b) => statSync(b).size - statSync(a).size);
    const log = logs[0];
    if (!log) throw new Error(`No log in ${store}`);
    // A typed string is kept as UTF-16.
    const stored = Buffer.from(name, 'utf16le');
    const at = readFileSync(log).indexOf(stored);
    if (at < 0) throw new Error(`The name ${name} is not in ${log}`);
    const fd = openSync(log, 'r+');
    try {
      const bytes = Buffer.alloc(stored.length);
      readSync(fd, bytes, 0, bytes.length, at);
      for (let i = 0; i < bytes.length; i++) bytes[i] = bytes[i]! ^ 0xff;
      writeSync(fd, bytes, 0, bytes.length, at);
    } finally {
      closeSync(fd);
    }
    return log;
  }

  it('says so on the next start, on every page until read, and then lets the adviser start again', async () => {
    browser = await launchOwnedChromium(dir);
    let page = await browser.context.newPage();
    await page.goto(`${server.origin}/incidenten`);
    await enterActorName(page, name);
    await page.getByRole('heading', { level: 1, name: 'Incidenten' }).waitFor();
    // A fresh profile is no loss.
    expect(await page.getByRole('heading', { name: heading }).count()).toBe(0);
    // Killed, so the records stay in the log instead of being compacted into a table on a clean exit.
    await browser.kill();
    damageLog();

    browser = await launchOwnedChromium(dir);
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(`${server.origin}/incidenten`);
    const notice = page.getByRole('region', { name: heading });
    await notice.waitFor();
    // What the page shows under it is a device without data: the name is gone too.
    await page.getByRole('heading', { level: 1, name: 'Wie bent u?' }).waitFor();
    await expect.poll(() => notice.textContent()).toContain('Melding van de browser: IndexedDB');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const share = notice.getByRole('link', { name: 'Delen en back-up' });
    expect(await share.getAttribute('href')).toBe('/incidenten/delen');
    const security = notice.getByRole('link', { name: 'Instellingen, Beveiliging' });
    expect(await security.getAttribute('href')).toBe('/incidenten/instellingen#beveiliging');

    // Still there on another page and after a reload: the wipe is reported once by the browser.
    await page.goto(`${server.origin}/over`);
    await notice.waitFor();
    const ok = notice.getByRole('button', { name: 'Begrepen' });
    const box = await ok.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
    await ok.focus();
    await page.keyboard.press('Enter');
    await notice.waitFor({ state: 'detached' });
    // The keyboard goes on at the page's heading, not at the top of the document.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Over deze app');
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByRole('region', { name: heading }).count()).toBe(0);

    // The empty database works: the name is asked and kept.
    await page.goto(`${server.origin}/incidenten`);
    await enterActorName(page, 'Dirk');
    await page.getByRole('heading', { level: 1, name: 'Incidenten' }).waitFor();
  });
});
