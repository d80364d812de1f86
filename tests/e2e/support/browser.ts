import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
// @ts-expect-error: plain .mjs without types
import { createAppServer } from '../../../scripts/serve.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface AppServer {
  origin: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/**
 * Serves dist/ on a fixed port across stop/start, so the same origin (and its service
 * worker and IndexedDB) survives "the server went away".
 */
export async function startAppServer(root = 'dist', port = 0): Promise<AppServer> {
  let server: Server | undefined;
  let boundPort = port;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const s = createAppServer(root) as Server;
      s.once('error', reject);
      s.listen(boundPort, '127.0.0.1', () => {
        boundPort = (s.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      const s = server;
      server = undefined;
      s.closeAllConnections();
      s.close(() => resolve());
    });
  await start();
  return {
    get origin() {
      return `http://localhost:${boundPort}`;
    },
    get port() {
      return boundPort;
    },
    start,
    stop,
  };
}

export interface Profile {
  dir: string;
  context: BrowserContext;
  close(): Promise<void>;
  remove(): void;
}

/** A persistent profile, like an installed app on a phone: 375 px wide, touch. */
export async function launchProfile(dir = mkdtempSync(join(tmpdir(), 'hke-profile-'))): Promise<Profile> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 375, height: 740 },
    locale: 'nl-NL',
    serviceWorkers: 'allow',
  });
  return {
    dir,
    context,
    close: () => context.close(),
    remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }),
  };
}

/** Records every URL requested by pages and service workers of the context. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (req) => urls.push(req.url()));
  return urls;
}

export async function waitForServiceWorkerControl(page: import('playwright-core').Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
}

export interface OwnedBrowser {
  context: BrowserContext;
  /** Kills the browser process with SIGKILL: no shutdown, no flush, like a crash. */
  kill(): Promise<void>;
  close(): Promise<void>;
  /** The end of what Chromium wrote to stderr (its own errors, such as a database it could not open). */
  stderrTail(): string;
}

/**
 * Chromium started by us (not by Playwright) on a profile directory, so the test owns
 * the process and can SIGKILL it; Playwright attaches over the DevTools protocol.
 */
export async function launchOwnedChromium(dir: string): Promise<OwnedBrowser> {
  const { spawn } = await import('node:child_process');
  const proc = spawn(
    CHROMIUM_PATH,
    [
      '--headless=new',
      ...CHROMIUM_ARGS,
      '--remote-debugging-port=0',
      `--user-data-dir=${dir}`,
      '--window-size=375,740',
      'about:blank',
    ],
    // Its own process group, so a kill takes the renderers and helpers down too, as a crash would.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const killGroup = () => {
    try {
      process.kill(-proc.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  let buffer = '';
  const started = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${buffer}`)), 30_000);
    proc.stderr?.on('data', (chunk: Buffer) => {
      buffer = (buffer + chunk.toString()).slice(-16_000);
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(buffer);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited with ${code}: ${buffer}`));
    });
  });
  let browser: Browser;
  try {
    browser = await chromium.connectOverCDP(await started);
  } catch (error) {
    // Not started or not reachable: leave no Chromium behind on a profile the caller may delete.
    killGroup();
    await groupGone(proc.pid!);
    throw error;
  }
  const context = browser.contexts()[0]!;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    context,
    async kill() {
      killGroup();
      await exited;
      await groupGone(proc.pid!);
    },
    async close() {
      await browser.close().catch(() => {});
      killGroup();
      await exited;
      await groupGone(proc.pid!);
    },
    stderrTail: () => buffer.slice(-4_000),
  };
}

/**
 * Waits until no process of the group is alive (zombies are dead: nothing reaps them in
 * a container). The main process goes first; a helper busy writing to disk can outlive
 * it, and a relaunch must not find the old storage process still holding the profile's
 * database, which a real phone's relaunch seconds later never does.
 */
async function groupGone(group: number): Promise<void> {
  const alive = () =>
    readdirSync('/proc').some((pid) => {
      if (!/^\d+$/.test(pid)) return false;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const [state, , processGroup] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(processGroup) === group && state !== 'Z' && state !== 'X';
      } catch {
        return false;
      }
    });
  const until = Date.now() + 30_000;
  while (alive()) {
    if (Date.now() > until) throw new Error(`Chromium's process group ${group} is still alive 30 s after SIGKILL`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
