import { type ChildProcess, spawn } from 'node:child_process';

export interface ChildServer {
  origin: string;
  port: number;
  process: ChildProcess;
  /** SIGKILL: no shutdown hook, no flush, as a power cut or an OOM kill would do. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export async function startChildServer(env: Record<string, string>, port = 0): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/bench/api-server.ts'], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += String(d);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const bound = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr.slice(-2000)}`)));
  });
  return {
    origin: `http://127.0.0.1:${bound}`,
    port: bound,
    process: child,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
