import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The real team-sync server (server/main.ts: dist/ and the API on one origin) as a child
 * process on a fixed port with PGlite in a temporary data folder, so it can be stopped
 * and started again at the same origin ("the server went away").
 */
export interface SyncServer {
  origin: string;
  dataDir: string;
  /** Creates a team with the server command (server stopped: PGlite has one writer) and returns the invite link. */
  createTeam(name: string): Promise<string>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** kill -9: no shutdown, requests in flight are cut off. */
  kill(): Promise<void>;
  remove(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function createSyncServer(): Promise<SyncServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'hke-sync-data-'));
  const origin = `http://localhost:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DIST_DIR: 'dist',
    PUBLIC_URL: origin,
    DATABASE_URL: '',
  };
  let child: ChildProcess | undefined;
  const end = async (signal: NodeJS.Signals) => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill(signal);
    await exited;
  };
  return {
    origin,
    dataDir,
    async createTeam(name) {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'server/cli/team.ts', 'create', name],
        {
          env,
        },
      );
      const link = /(http\S+\/team\/koppelen#code=[A-Za-z0-9_-]{43})/.exec(stdout)?.[1];
      if (!link) throw new Error(`no invite link in: ${stdout.slice(0, 500)}`);
      return link;
    },
    async start() {
      const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      let stderr = '';
      proc.stderr!.on('data', (d) => {
        stderr += String(d);
      });
      await new Promise<void>((resolve, reject) => {
        let out = '';
        proc.stdout!.on('data', (d) => {
          out += String(d);
          if (out.includes('draait op')) resolve();
        });
        proc.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr.slice(-2000)}`)));
      });
    },
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
