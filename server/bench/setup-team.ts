import type { Database } from '../store/database.ts';
import { createInvite, createTeam } from '../store/invites-store.ts';
import type { Role } from '../team/roles.ts';

/** Invite codes for `count` devices of a fresh team, made straight in the database. */
export async function inviteCodes(db: Database, count: number, role: Role = 'adviseur'): Promise<string[]> {
  const teamId = await createTeam(db, `Benchmark ${Date.now()}`);
  const codes: string[] = [];
  for (let i = 0; i < count; i++) codes.push((await createInvite(db, teamId, role, undefined)).code);
  return codes;
}

export interface PairedDevice {
  token: string;
  deviceId: string;
}

export async function pair(origin: string, code: string, name: string): Promise<PairedDevice> {
  const deviceId = `bench-${name}-${Math.random().toString(36).slice(2, 10)}`;
  const res = await fetch(`${origin}/api/sync/v1/invites/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceId, name }),
  });
  if (res.status !== 201) throw new Error(`pairing failed: ${res.status} ${await res.text()}`);
  return { token: ((await res.json()) as { token: string }).token, deviceId };
}
