import { createServer } from 'node:http';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { StreamHub } from '../live/stream-hub.ts';
import { Refusal } from '../protocol/refusal.ts';
import type { Database } from '../store/database.ts';
import { hashSecret } from '../team/secrets.ts';
import { bearerToken } from './auth.ts';
import { handleError } from './errors.ts';
import { localLayerRoutes } from './local-layer-routes.ts';
import { SECURITY_HEADERS, staticHandler } from './static-files.ts';
import { streamRoutes } from './stream-routes.ts';
import { syncRoutes } from './sync-routes.ts';
import { teamRoutes } from './team-routes.ts';

export interface AppOptions {
  db: Database;
  /** dist/ of the built app; without it only the API is served (tests). */
  distDir?: string | undefined;
  /** Where invite links point: the app's origin as the advisers reach it. */
  publicUrl: string;
  /** Requests per device (or address, without a token) per minute. */
  rateLimitPerMinute?: number;
  /** Log requests (JSON lines to stdout, or to `stream`): method, path, status, time; never a token or a body. */
  logger?: boolean | { stream: { write(line: string): void } };
  /** Behind a TLS reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy?: boolean;
  pollMs?: number;
}

const isApi = (url: string | undefined) => url?.startsWith('/api/') ?? false;

export function inviteLinkFor(publicUrl: string) {
  // The code goes in the fragment: browsers never send it, so it appears in no server or proxy log.
  return (code: string) => `${publicUrl.replace(/\/$/, '')}/team/koppelen#code=${code}`;
}

/**
 * One origin for the app and the API, so the CSP stays connect-src 'self'. Fastify
 * handles /api/*: body limits per route, the rate-limit plugin, and a logger that
 * never sees a token (redacted header, no query strings, no bodies).
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const files = options.distDir ? staticHandler(options.distDir) : undefined;
  const app = Fastify({
    bodyLimit: 64 * 1024,
    trustProxy: options.trustProxy ?? false,
    logger: options.logger
      ? {
          ...(typeof options.logger === 'object' ? { stream: options.logger.stream } : {}),
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          serializers: {
            // Only the path: a stream ticket travels in the query string.
            req: (req) => ({ method: req.method, path: req.url.split('?')[0] }),
          },
        }
      : false,
    serverFactory: (handler) =>
      createServer((req, res) => (files && !isApi(req.url) ? files(req, res) : handler(req, res))),
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((_request, reply) => reply.status(404).send(new Refusal('not-found').toBody()));
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers({ ...SECURITY_HEADERS, 'Cache-Control': 'no-store' });
  });
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute ?? 600,
    timeWindow: 60_000,
    // Per device: the token's hash (never the token itself) keys the bucket.
    keyGenerator: (request) => {
      const token = bearerToken(request);
      return token ? `t:${hashSecret(token)}` : `a:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Refusal('rate-limited', `retry in ${Math.ceil(context.ttl / 1000)} s`), { statusCode: 429 }),
  });
  const hub = new StreamHub(options.db, options.pollMs);
  await hub.start();
  app.addHook('onClose', () => hub.stop());
  syncRoutes(app, options.db);
  streamRoutes(app, options.db, hub);
  teamRoutes(app, options.db, inviteLinkFor(options.publicUrl));
  localLayerRoutes(app, options.db);
  return app;
}
