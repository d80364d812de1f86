import type { FastifyInstance } from 'fastify';
import { monotonicFactory } from 'ulid';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../../server/http/app.ts';
import type { Database, Engine } from '../../../server/store/database.ts';
import { createInvite, createTeam } from '../../../server/store/invites-store.ts';
import type { Role } from '../../../server/team/roles.ts';

import { createTestDatabase, type TestDatabase } from './engines.ts';

const ulid = monotonicFactory();
export const newId = () => ulid();

export interface Member {
  token: string;
  deviceId: string;
  id: number;
  role: Role;
  auth: { authorization: string };
}

export async function testApp(
  db: Database,
  options: { rateLimitPerMinute?: number; pollMs?: number } = {},
): Promise<FastifyInstance> {
  return buildApp({
    db,
    publicUrl: 'https://team.example',
    rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000,
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
  });
}

/** Redeems an invite over the API, as the app does. */
export async function redeem(app: FastifyInstance, code: string, name = 'Telefoon'): Promise<Member> {
  const deviceId = newId();
  const res = await app.inject({
    method: 'POST',
    url: '/api/sync/v1/invites/redeem',
    payload: { code, deviceId, name },
  });
  if (res.statusCode !== 201) throw new Error(`redeem failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { token: string; device: { id: number; role: Role } };
  return { token: body.token, deviceId, id: body.device.id, role: body.device.role, auth: auth(body.token) };
}

export function auth(token: string) {
  return { authorization: `Bearer ${token}` };
}

/** A team with a coordinator (from the server command's invite) and one member per extra role. */
export async function makeTeam(app: FastifyInstance, db: Database, roles: Role[] = ['adviseur', 'meelezer']) {
  const teamId = await createTeam(db, `Gemeente ${newId()}`);
  const first = await createInvite(db, teamId, 'coordinator', undefined);
  const coordinator = await redeem(app, first.code, 'Coördinator');
  const members: Member[] = [];
  for (const role of roles) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/sync/v1/invites',
      headers: coordinator.auth,
      payload: { role },
    });
    members.push(await redeem(app, (res.json() as { code: string }).code, role));
  }
  return { teamId, coordinator, members };
}

/** A valid incident log written by one device: its start and `steps` more events. */
export function incidentLog(device: string, steps = 3, incidentId = newId()) {
  const at = (i: number) => new Date(Date.UTC(2026, 11, 1, 9, 0, i)).toISOString();
  const events: Record<string, unknown>[] = [
    {
      id: newId(),
      incidentId,
      at: at(0),
      actor: 'A. Adviseur',
      device,
      type: 'incident.created',
      payload: {
        kind: 'explosie',
        target: 'woning',
        municipality: 'Utrecht',
        occurredAt: '2026-12-01T08:30:00.000Z',
        phase: 'direct-na',
        contentVersion: '2026.1',
      },
    },
  ];
  for (let i = 1; i <= steps; i++) events.push(stepEvent(device, incidentId, i, at(i)));
  return { incidentId, events };
}

export function stepEvent(device: string, incidentId: string, i = 1, at = new Date().toISOString()) {
  return {
    id: newId(),
    incidentId,
    at,
    actor: 'A. Adviseur',
    device,
    type: i % 2 ? 'step.status-set' : 'log.entry-added',
    payload: i % 2 ? { stepId: `direct-na.stap-${i}`, status: 'gedaan' } : { text: `Logregel ${i}` },
  };
}

export async function push(app: FastifyInstance, member: Member, events: unknown[]) {
  return app.inject({ method: 'POST', url: '/api/sync/v1/events', headers: member.auth, payload: { events } });
}

export async function pullAll(app: FastifyInstance, member: Member, after = '0') {
  const changes: { seq: string; type: string; event?: { id: string }; incidentId?: string }[] = [];
  let cursor = after;
  for (;;) {
    const res = await app.inject({ method: 'GET', url: `/api/sync/v1/events?after=${cursor}`, headers: member.auth });
    if (res.statusCode !== 200) throw new Error(`pull failed: ${res.statusCode} ${res.body}`);
    const page = res.json() as { changes: typeof changes; cursor: string; more: boolean };
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.more) return { changes, cursor };
  }
}

export async function countEvents(db: Database): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
  return rows[0]!.n;
}

/**
 * For a describe block per engine: a fresh database with the app on it, opened before the
 * block's tests and closed after them. Read `server.app` and `server.db` inside the tests.
 */
export function serverOn(engine: Engine): { readonly app: FastifyInstance; readonly db: Database } {
  let t: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    app = await testApp(t.db);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });
  return {
    get app() {
      return app!;
    },
    get db() {
      return t!.db;
    },
  };
}
