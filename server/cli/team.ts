// `npm run server:team -- create "Gemeente X"`: a team and its first coordinator invite.
import QRCode from 'qrcode';
import { readConfig } from '../config.ts';
import { inviteLinkFor } from '../http/app.ts';
import { createInvite, createTeam } from '../store/invites-store.ts';
import { openDatabase } from '../store/open-database.ts';

const [command, name] = process.argv.slice(2);
if (command !== 'create' || !name || name.trim().length === 0 || name.length > 200) {
  console.error('Gebruik: npm run server:team -- create "Gemeente X"');
  process.exit(2);
}
const config = readConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const teamId = await createTeam(db, name.trim());
  const invite = await createInvite(db, teamId, 'coordinator', undefined);
  const link = inviteLinkFor(config.publicUrl)(invite.code);
  console.log(`Team "${name.trim()}" is aangemaakt (nummer ${teamId}).`);
  console.log('Open deze link op het apparaat van de coördinator (eenmalig, 24 uur geldig):');
  console.log(`\n  ${link}\n`);
  console.log(await QRCode.toString(link, { type: 'terminal', small: true }));
  console.log(`Geldig tot ${new Date(invite.expiresAt).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })}.`);
} finally {
  await db.close();
}
