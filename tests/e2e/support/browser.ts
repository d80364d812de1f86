import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
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
    remove: () => rmSync(dir, { recursive: true, force: true }),
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
