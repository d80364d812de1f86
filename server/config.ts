/** The server's settings, all from the environment (docs/deploy.md lists them). */
export interface ServerConfig {
  port: number;
  host: string;
  distDir: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  trustProxy: boolean;
  rateLimitPerMinute: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 4173);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT is not a port number: ${env.PORT}`);
  const host = env.HOST ?? '127.0.0.1';
  const rate = Number(env.RATE_LIMIT_PER_MINUTE ?? 600);
  if (!(rate >= 1)) throw new Error(`RATE_LIMIT_PER_MINUTE must be a positive number: ${env.RATE_LIMIT_PER_MINUTE}`);
  return {
    port,
    host,
    distDir: env.DIST_DIR ?? 'dist',
    dataDir: env.DATA_DIR ?? './data',
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    rateLimitPerMinute: rate,
  };
}
