// Dev tool support: CPU time of one Chromium's processes, read from /proc (Linux only).
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU ticks (user + system) per process of the Chromium that owns the profile `dir`, keyed
 * by pid and process type. The browser process names the profile in its command line
 * (NUL-separated); its children rename themselves (space-separated), so they are found
 * through their parent.
 */
export function cpuOfBrowser(dir: string): Map<string, number> {
  const procs = new Map<number, { ppid: number; ticks: number; type: string; owns: boolean }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const type = /--type=([^\s\0]+)/.exec(cmd)?.[1] ?? 'browser';
      const sub = /--utility-sub-type=([^\s\0]+)/.exec(cmd)?.[1];
      procs.set(Number(entry), {
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
        type: sub ? `${type}:${sub}` : type,
        owns: cmd.includes(`--user-data-dir=${dir}`),
      });
    } catch {
      // Gone meanwhile.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let cur = procs.get(pid); cur; cur = procs.get(cur.ppid)) if (cur.owns) return true;
    return false;
  };
  const out = new Map<string, number>();
  for (const [pid, p] of procs) if (inTree(pid)) out.set(`${pid} ${p.type}`, p.ticks);
  return out;
}

/** What each process used between two readings, largest first (ticks of 10 ms). */
export function cpuSince(before: Map<string, number>, after: Map<string, number>): string {
  return [...after]
    .map(([k, t]) => [k, t - (before.get(k) ?? 0)] as const)
    .filter(([, d]) => d > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, d]) => `${k}=${d * 10}ms`)
    .join(', ');
}
