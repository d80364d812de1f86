import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from './support/browser.ts';

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

describe('the production server', () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer('dist');
  });
  afterAll(() => server.stop());

  const asset = () => {
    const html = readFileSync('dist/index.html', 'utf8');
    return /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
  };

  it.each(['/', '/fase/dreiging', '/kader.json', '/sw.js', '/manifest.webmanifest', '/nope.js'])(
    'sends the security headers on %s',
    async (path) => {
      const res = await fetch(`${server.origin}${path}`);
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    },
  );

  it('the README documents exactly the headers the server sends', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(`Content-Security-Policy: ${CSP}`);
    expect(readme).toContain('X-Content-Type-Options: nosniff');
    expect(readme).toContain('Referrer-Policy: no-referrer');
  });

  it('serves the app shell for client routes, 404 for missing files, and no path traversal', async () => {
    const route = await fetch(`${server.origin}/stap/iets`);
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toContain('text/html');
    expect((await fetch(`${server.origin}/nope.js`)).status).toBe(404);
    // A step id has a dot in it; that is a route, not a file.
    const step = await fetch(`${server.origin}/stap/direct-na.persbericht`);
    expect(step.status).toBe(200);
    expect(step.headers.get('content-type')).toContain('text/html');
    // One level up from dist/ is the project's own package.json: it must not be served.
    const traversal = await fetch(`${server.origin}/..%2fpackage.json`);
    expect(traversal.status).toBe(403);
    expect(await traversal.text()).not.toContain('"devDependencies"');
  });

  it('lets hashed assets be cached forever and the worker never', async () => {
    const js = await fetch(`${server.origin}${asset()}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${server.origin}/sw.js`)).headers.get('cache-control')).toBe('no-cache');
  });
});
