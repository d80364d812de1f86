export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** One JSON object per line, as `npm run bench` prints every figure. */
export function emit(metric: string, value: number, unit: string, extra: Record<string, unknown> = {}) {
  console.log(JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit, ...extra }));
}

/** Resident memory of a process in MB (Linux), or NaN elsewhere. */
export async function rssMb(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
