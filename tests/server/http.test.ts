import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain .mjs without types
import { createAppServer } from '../../scripts/serve.mjs';
import { buildApp } from '../../server/http/app.ts';
import { SECURITY_HEADERS } from '../../server/http/static-files.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from './support/engines.ts';
import { makeTeam, testApp } from './support/fixtures.ts';

const PATHS = ['/', '/fase/dreiging', '/assets/app-1a2b.js', '/sw.js', '/nope.js', '/..%2fpackage.json', '/kader.json'];
const COMPARED = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'cache-control',
  'content-type',
];

describe.each(ENGINES)('serving the app and the API on one origin, on %s', (engine) => {
  let t: TestDatabase;
  let dist: string;
  let ours: string;
  let reference: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    dist = mkdtempSync(join(tmpdir(), 'hk-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(dist, 'assets', 'app-1a2b.js'), 'export {}');
    writeFileSync(join(dist, 'sw.js'), '//');
    writeFileSync(join(dist, 'kader.json'), '{}');
    const app = await buildApp({ db: t.db, distDir: dist, publicUrl: 'https://team.example' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    ours = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const server = createAppServer(dist) as Server;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    reference = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    close = async () => {
      await app.close();
      await new Promise((r) => server.close(r));
    };
  });
  afterAll(async () => {
    await close();
    await t.drop();
    rmSync(dist, { recursive: true, force: true });
  });

  it.each(PATHS)('answers %s exactly as scripts/serve.mjs does', async (path) => {
    const [a, b] = await Promise.all([fetch(`${ours}${path}`), fetch(`${reference}${path}`)]);
    expect(a.status).toBe(b.status);
    for (const header of COMPARED) expect(a.headers.get(header), header).toBe(b.headers.get(header));
    expect(await a.text()).toBe(await b.text());
  });

  it('sends the same security headers on API responses, which are never cached', async () => {
    const res = await fetch(`${ours}/api/sync/v1/events`);
    expect(res.status).toBe(401);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name)).toBe(value);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const unknown = await fetch(`${ours}/api/sync/v9/nothing`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('not-found');
  });

  it('limits the requests per device', async () => {
    const limited = await testApp(t.db, { rateLimitPerMinute: 5 });
    const { coordinator } = await makeTeam(limited, t.db, []);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await limited.inject({ url: '/api/sync/v1/events', headers: coordinator.auth })).statusCode);
    const res = await limited.inject({ url: '/api/sync/v1/events', headers: coordinator.auth });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('rate-limited');
    await limited.close();
  });
});
