import type { ChildServer } from './child-server.ts';
import { DeviceClient } from './device-client.ts';
import { benchIncident } from './events.ts';
import type { PairedDevice } from './setup-team.ts';
import { percentile, rssMb } from './stats.ts';

export interface LoadFigures {
  pushP50Ms: number;
  pushP95Ms: number;
  serverRssMaxMb: number;
  totalMs: number;
  /** Events seen by all streams together; must be devices × devices × eventsPerDevice. */
  delivered: number;
  duplicates: number;
}

/**
 * Issue 13's load: every device pushes its own incident of `eventsPerDevice` events in
 * batches, all at once, while every device holds a live stream. Each stream must see
 * every event of the team exactly once.
 */
export async function measureLoad(
  server: ChildServer,
  devices: PairedDevice[],
  eventsPerDevice = 500,
  batch = 50,
): Promise<LoadFigures> {
  const streams = devices.map((d) => new DeviceClient(server.origin, d.token));
  await Promise.all(streams.map((s) => s.startStream()));
  let rssMax = await rssMb(server.process.pid!);
  const sampler = setInterval(async () => {
    rssMax = Math.max(rssMax, await rssMb(server.process.pid!));
  }, 100);
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    devices.map(async (d) => {
      const client = new DeviceClient(server.origin, d.token);
      const { events } = benchIncident(d.deviceId, eventsPerDevice);
      for (let i = 0; i < events.length; i += batch) {
        const start = performance.now();
        const res = await client.push(events.slice(i, i + batch));
        latencies.push(performance.now() - start);
        if (res.status !== 200) throw new Error(`push ${res.status}: ${JSON.stringify(res.body)}`);
      }
    }),
  );
  const expected = devices.length * eventsPerDevice;
  await Promise.all(streams.map((s) => s.until((c) => c.seen.length >= expected, 120_000)));
  const totalMs = performance.now() - t0;
  clearInterval(sampler);
  let delivered = 0;
  let duplicates = 0;
  for (const s of streams) {
    s.stop();
    const ids = s.seen.map((c) => c.event?.id);
    delivered += ids.length;
    duplicates += ids.length - new Set(ids).size;
  }
  return {
    pushP50Ms: percentile(latencies, 50),
    pushP95Ms: percentile(latencies, 95),
    serverRssMaxMb: rssMax,
    totalMs,
    delivered,
    duplicates,
  };
}
