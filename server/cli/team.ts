// `npm run server:team -- create "Gemeente X"`: a team and its first coordinator invite.
// `npm run server:team -- invite <team number> <role>`: another invite, e.g. when the
// coordinator lost their phone. `npm run server:team -- list`: the teams and their devices.
import QRCode from 'qrcode';
import { readConfig } from '../config.ts';
import { inviteLinkFor } from '../http/app.ts';
import type { Database } from '../store/database.ts';
import { createInvite, createTeam } from '../store/invites-store.ts';
import { openDatabase } from '../store/open-database.ts';
import { ROLES, type Role } from '../team/roles.ts';

const USAGE = [
  'Gebruik:',
  '  npm run server:team -- create "Gemeente X"',
  '  npm run server:team -- invite <teamnummer> coordinator|adviseur|meelezer',
  '  npm run server:team -- list',
].join('\n');

const [command, ...args] = process.argv.slice(2);
const config = readConfig();

async function printInvite(db: Database, teamId: number, role: Role) {
  const invite = await createInvite(db, teamId, role, undefined);
  const link = inviteLinkFor(config.publicUrl)(invite.code);
  console.log(`Uitnodiging als ${role} (eenmalig, 24 uur geldig). Open deze link op het apparaat:`);
  console.log(`\n  ${link}\n`);
  console.log(await QRCode.toString(link, { type: 'terminal', small: true }));
  console.log(`Geldig tot ${new Date(invite.expiresAt).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })}.`);
}

async function run(db: Database): Promise<number> {
  if (command === 'create' && args[0] && args[0].trim().length > 0 && args[0].length <= 200) {
    const teamId = await createTeam(db, args[0].trim());
    console.log(`Team "${args[0].trim()}" is aangemaakt (teamnummer ${teamId}).`);
    await printInvite(db, teamId, 'coordinator');
    return 0;
  }
  if (command === 'invite' && /^[1-9][0-9]*$/.test(args[0] ?? '') && ROLES.includes(args[1] as Role)) {
    const { rows } = await db.query<{ name: string }>('SELECT name FROM teams WHERE id = $1', [Number(args[0])]);
    if (!rows[0]) {
      console.error(`Er is geen team met nummer ${args[0]}.`);
      return 1;
    }
    console.log(`Team "${rows[0].name}".`);
    await printInvite(db, Number(args[0]), args[1] as Role);
    return 0;
  }
  if (command === 'list') {
    const { rows } = await db.query<{ id: string; name: string; devices: string; active: string }>(
      `SELECT t.id, t.name, count(d.id) AS devices, count(d.id) FILTER (WHERE d.revoked_at IS NULL) AS active
       FROM teams t LEFT JOIN devices d ON d.team_id = t.id GROUP BY t.id ORDER BY t.id`,
    );
    for (const r of rows)
      console.log(`${r.id}\t${r.name}\t${r.active} actieve apparaten (${r.devices} ooit gekoppeld)`);
    return 0;
  }
  console.error(USAGE);
  return 2;
}

const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
let code = 1;
try {
  code = await run(db);
} finally {
  await db.close();
}
process.exit(code);
