// `npm start`: the built app and the team-sync API on one origin (docs/deploy.md).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from './config.ts';
import { buildApp } from './http/app.ts';
import { openDatabase } from './store/open-database.ts';

const config = readConfig();
if (!existsSync(join(config.distDir, 'index.html'))) {
  console.error(`Geen gebouwde app gevonden in ${config.distDir}/. Voer eerst "npm run build" uit.`);
  process.exit(1);
}
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const app = await buildApp({
  db,
  distDir: config.distDir,
  publicUrl: config.publicUrl,
  trustProxy: config.trustProxy,
  rateLimitPerMinute: config.rateLimitPerMinute,
  logger: true,
});
await app.listen({ port: config.port, host: config.host });
console.log(
  `Handelingskader Explosies draait op http://localhost:${config.port}/ ` +
    `(database: ${db.engine === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL via DATABASE_URL'})`,
);

// Close streams and the database cleanly, so PGlite's data folder is never left half-written.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await db.close();
    process.exit(0);
  });
}
