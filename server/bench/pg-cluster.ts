import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster (Debian's binaries): initdb in a temp dir, pg_ctl on a
 * free port, removed afterwards. As root it runs as the `postgres` user (PostgreSQL
 * refuses to run as root); as anyone else, as that user.
 */
export interface PgCluster {
  url(database?: string): string;
  port: number;
  dir: string;
  restart(): void;
  stop(): void;
  start(): void;
  remove(): void;
}

export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1);
  if (!newest) throw new Error('PostgreSQL ontbreekt: apt-get install postgresql (zie .ci/run)');
  return join(root, newest, 'bin');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const isRoot = process.getuid?.() === 0;

function run(bin: string, args: string[]): void {
  const command = isRoot ? 'runuser' : bin;
  const argv = isRoot ? ['-u', 'postgres', '--', bin, ...args] : args;
  execFileSync(command, argv, { stdio: ['ignore', 'ignore', 'pipe'], cwd: '/' });
}

export async function startCluster(options: { fast?: boolean } = {}): Promise<PgCluster> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'hk-pg-'));
  const data = join(dir, 'data');
  if (isRoot) {
    chownSync(dir, uidOf('postgres'), gidOf('postgres'));
    chmodSync(dir, 0o700);
  }
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c max_connections=200',
    // Tests only: a crash of the machine loses nothing the tests need.
    ...(options.fast === false ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  const pgCtl = (...args: string[]) => run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), ...args]);
  const start = () => pgCtl('-o', settings, '-w', 'start');
  start();
  return {
    port,
    dir,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start,
    stop: () => pgCtl('-m', 'fast', '-w', 'stop'),
    restart: () => pgCtl('-m', 'fast', '-o', settings, '-w', 'restart'),
    remove() {
      try {
        pgCtl('-m', 'immediate', '-w', 'stop');
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}
function gidOf(user: string): number {
  return Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
}
