// Dev tool support: a Chromium trace of some taps, summed per tap.
import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

/** Traces whatever `run` does in the page of `cdp`; writes the raw events to `<TRACE_OUT>-<name>.json` when set. */
export async function traceOf(cdp: CDPSession, name: string, run: () => Promise<unknown>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const raw = cdp as unknown as {
    on(e: string, f: (x: { value: TraceEvent[] }) => void): void;
    once(e: string, f: () => void): void;
  };
  raw.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise<void>((resolve) => raw.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink,IndexedDB,toplevel,v8',
    transferMode: 'ReportEvents',
  } as never);
  await run();
  await cdp.send('Tracing.end');
  await done;
  if (process.env.TRACE_OUT) writeFileSync(`${process.env.TRACE_OUT}-${name}.json`, JSON.stringify(events));
  return events;
}

/**
 * Per tap: style and layout that did not come from the frame's own lifecycle
 * (Document::UpdateStyleAndLayout: forced, by script or by the browser before a frame),
 * IndexedDB events, and time per thread and event.
 */
export function printTraceSummary(name: string, events: TraceEvent[], taps: number): void {
  const threads = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const sums = new Map<string, number>();
  const counts = new Map<string, number>();
  let forced = 0;
  let forcedMs = 0;
  for (const e of events) {
    if (e.name === 'Document::UpdateStyleAndLayout' && e.ph === 'X') {
      forced++;
      forcedMs += (e.dur ?? 0) / 1000;
    }
    if (/IDB|Database::|Transaction::/.test(e.name) && (e.ph === 'X' || e.ph === 'B'))
      counts.set(e.name, (counts.get(e.name) ?? 0) + 1 / taps);
    if (e.ph !== 'X' || !e.dur) continue;
    const key = `${threads.get(`${e.pid}:${e.tid}`) ?? e.tid} ${e.name}`;
    sums.set(key, (sums.get(key) ?? 0) + e.dur / 1000 / taps);
  }
  console.log(
    `--- ${name}, forced style/layout: ${(forced / taps).toFixed(1)} per tap, ${(forcedMs / taps).toFixed(2)} ms per tap`,
  );
  console.log(`--- ${name}, IndexedDB events per tap`);
  for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`${n.toFixed(1).padStart(8)}  ${k}`);
  console.log(`--- ${name}, ms per tap`);
  for (const [k, ms] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 70))
    console.log(`${ms.toFixed(2).padStart(8)}  ${k}`);
}
