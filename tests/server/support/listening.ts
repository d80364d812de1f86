import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../server/store/database.ts';
import { testApp } from './fixtures.ts';

/** The app on a real port (streams need a socket; inject cannot stream). */
export async function listeningApp(db: Database, port = 0): Promise<{ app: FastifyInstance; origin: string }> {
  const app = await testApp(db, { pollMs: 60_000 });
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  return { app, origin: `http://127.0.0.1:${address.port}` };
}
