// A server child process for the crash tests and the load script: the API only, on PORT, database from the env.
import { buildApp } from '../http/app.ts';
import { openDatabase } from '../store/open-database.ts';

const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR });
const app = await buildApp({ db, publicUrl: 'https://team.example', rateLimitPerMinute: 1_000_000 });
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`listening ${(app.server.address() as { port: number }).port}\n`);
