/**
 * How long to wait before the next attempt after `failures` failed ones in a row: 1 s,
 * 2 s, 5 s, 10 s, 30 s, then every 60 s, each with up to 20 % less (jitter), so a team's
 * phones that lost the server together do not all come back in the same second.
 */
const STEPS_MS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];

export function backoffDelay(failures: number, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  const base = STEPS_MS[Math.min(failures, STEPS_MS.length) - 1]!;
  const jitter = Math.min(Math.max(random(), 0), 1) * 0.2;
  return Math.round(base * (1 - jitter));
}

/** A 429's Retry-After (seconds) wins over the backoff when it is longer. */
export function retryDelay(failures: number, retryAfterSeconds?: number, random?: () => number): number {
  const backoff = backoffDelay(failures, random);
  if (retryAfterSeconds === undefined || !Number.isFinite(retryAfterSeconds) || retryAfterSeconds <= 0) return backoff;
  return Math.max(backoff, Math.min(retryAfterSeconds, 3_600) * 1_000);
}

/** Pull and push again this often while all is well, even without a live stream. */
export const PERIODIC_MS = 60_000;
