import type { IncomingMessage, ServerResponse } from 'node:http';
// @ts-expect-error: plain .mjs without types (it runs without a build step, also under the e2e tests)
import { createStaticHandler, SECURITY_HEADERS as HEADERS } from '../../scripts/serve.mjs';

/**
 * dist/ is served by the same handler as `scripts/serve.mjs` (which the browser tests
 * start), so the static files, the SPA fallback, Cache-Control and the security headers
 * cannot drift apart between the two servers.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = HEADERS;

export type RawHandler = (req: IncomingMessage, res: ServerResponse) => void;

export const staticHandler: (root: string) => RawHandler = createStaticHandler;
