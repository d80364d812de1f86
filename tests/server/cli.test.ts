import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/store/open-database.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from './support/engines.ts';
import { newId, testApp } from './support/fixtures.ts';

function cli(env: Record<string, string | undefined>, ...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'server/cli/team.ts', ...args], {
    env: { ...process.env, ...env, PUBLIC_URL: 'https://oov.gemeente-x.nl' },
    encoding: 'utf8',
  });
}

describe.each(ENGINES)('npm run server:team on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine, { open: false });
  });
  afterAll(() => t.drop());

  it('creates a team and prints a one-time coordinator invite as a link and a QR code', async () => {
    const out = cli(t.env, 'create', 'Gemeente X');
    expect(out).toContain('Team "Gemeente X" is aangemaakt');
    const code = /https:\/\/oov\.gemeente-x\.nl\/team\/koppelen#code=([A-Za-z0-9_-]{43})/.exec(out)?.[1];
    expect(code).toBeDefined();
    expect(out).toMatch(/[▄▀█]{7}/);
    const db = await openDatabase({ databaseUrl: t.env.DATABASE_URL, dataDir: t.env.DATA_DIR });
    const app = await testApp(db);
    const redeem = () =>
      app.inject({
        method: 'POST',
        url: '/api/sync/v1/invites/redeem',
        payload: { code, deviceId: newId(), name: 'Coördinator' },
      });
    const first = await redeem();
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ device: { role: 'coordinator' }, team: { name: 'Gemeente X' } });
    expect((await redeem()).statusCode).toBe(403);
    await app.close();
    await db.close();
  });
});
