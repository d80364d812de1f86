// Dev tool: where a step tap with the app lock on spends its time in Chromium (a CPU
// profile of 40 taps), next to the same taps without the lock. Not part of `npm run bench`.
// Usage: npm run build && npx tsx scripts/bench/profile-lock-tap.ts [incidents] [--locked-only | --interleaved [--phases] [--trace]]
// (--interleaved: SETTLE_S seconds of rest after seeding, ROUNDS rounds of 10 taps each side; it also prints each
// browser's CPU time per process over the taps, so background work such as a compaction shows; --trace also
// counts forced style and layout (trace-summary.ts) and writes the raw trace to TRACE_OUT-<side>.json when set;
// PAGE_STATE sets what the pages went through before the taps, see setPageState.)
import type { Page } from 'playwright-core';
import { launchProfile, startAppServer } from '../../tests/e2e/support/browser.ts';
import { buildKader } from '../content/build-kader.ts';
import { cpuOfBrowser, cpuSince } from './browser-cpu.ts';
import { writeLogLine } from './measure-incidents.ts';
import { store } from './page-store.ts';
import { seedIncidents } from './seed-incidents.ts';
import { printTraceSummary, traceOf } from './trace-summary.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const PASSPHRASE = 'profiel wachtzin voor meten';
const incidents = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 200);
const kader = buildKader('content');
const server = await startAppServer('dist');

async function taps(page: Page, n: number): Promise<number[]> {
  const stepIds = (
    await page.locator('.checklist__item').evaluateAll((els) => els.map((el) => el.getAttribute('data-step-id')))
  ).slice(0, 10);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = `[data-step-id="${stepIds[i % stepIds.length]}"]`;
    const pressed = await page.locator(`${row} .segmented__option[aria-pressed="true"]`).textContent();
    const button = `${row} .segmented__option--${pressed === 'Gedaan' ? 'later' : 'gedaan'}`;
    times.push(
      await page.evaluate(
        (button) =>
          new Promise<number>((resolve) => {
            const t0 = performance.now();
            const observer = new MutationObserver(() => {
              if (document.querySelector(button)?.getAttribute('aria-pressed') !== 'true') return;
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - t0));
            });
            observer.observe(document.body, { subtree: true, childList: true, attributes: true });
            (document.querySelector(button) as HTMLElement).click();
          }),
        button,
      ),
    );
  }
  return times;
}

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number`);
  return value;
}

const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function run(locked: boolean) {
  const profile = await launchProfile();
  try {
    const page = await profile.context.newPage();
    await page.goto(`${server.origin}/incidenten`);
    await page.getByLabel('Naam of initialen').fill('Bench');
    await page.getByRole('button', { name: 'Opslaan' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Incidenten' }).waitFor();
    const { logs, rows, settings } = seedIncidents(kader, incidents, 100);
    await store(page, 'logs', logs);
    await store(page, 'incidents', rows);
    await store(page, 'settings', settings);
    const id = (rows[Math.floor(incidents / 2)] as { id: string }).id;
    if (locked) {
      await page.goto(`${server.origin}/incidenten/instellingen`);
      await page.getByLabel(/^Wachtzin \(minstens/).fill(PASSPHRASE);
      await page.getByLabel('Wachtzin nog een keer').fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Beveilig met deze wachtzin' }).press('Enter');
      await page.getByRole('button', { name: 'Vergrendel', exact: true }).waitFor({ timeout: 600_000 });
      await page.waitForTimeout(10_000);
    }
    await page.goto(`${server.origin}/incidenten/${id}?fase=direct-na`);
    if (locked) {
      await page.getByLabel('Wachtzin', { exact: true }).fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Ontgrendel', exact: true }).press('Enter');
    }
    await page.locator('.checklist__item').first().waitFor();
    await setPageState(page, locked);
    await taps(page, 10);
    const cdp = await profile.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const times = await taps(page, 40);
    const { profile: prof } = (await cdp.send('Profiler.stop')) as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    console.log(
      `${locked ? 'LOCKED' : 'PLAIN'} tap median ${med(times).toFixed(1)} ms`,
      times.map((t) => t.toFixed(0)).join(' '),
    );
    const byId = new Map(prof.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const label = (n: ProfileNode) =>
      `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    prof.samples.forEach((sid, i) => {
      const ms = (prof.timeDeltas[i] ?? 0) / 1000;
      const n = byId.get(sid)!;
      self.set(label(n), (self.get(label(n)) ?? 0) + ms);
      const seen = new Set<string>();
      for (let cur: number | undefined = sid; cur !== undefined; cur = parent.get(cur)) {
        const l = label(byId.get(cur)!);
        if (seen.has(l)) continue;
        seen.add(l);
        total.set(l, (total.get(l) ?? 0) + ms);
      }
    });
    const idle = self.get('(idle) :-1') ?? 0;
    const all = [...self.values()].reduce((a, b) => a + b, 0);
    console.log(`busy ${((all - idle) / 40).toFixed(2)} ms per tap (wall ${(all / 40).toFixed(1)})`);
    console.log('self:');
    for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`${(ms / 40).toFixed(2).padStart(7)} ms/tap  ${k}`);
    // Who calls the record opening and sealing: the chains of callers above them, by time.
    const chains = new Map<string, number>();
    prof.samples.forEach((sid, i) => {
      const ms = (prof.timeDeltas[i] ?? 0) / 1000;
      const path: string[] = [];
      for (let cur: number | undefined = sid; cur !== undefined; cur = parent.get(cur))
        path.push(byId.get(cur)!.callFrame.functionName || '(anon)');
      const at = path.findIndex((f) => /^(openValue|sealValue)$/.test(f));
      if (at < 0) return;
      const key = path.slice(at, at + 9).join(' < ');
      chains.set(key, (chains.get(key) ?? 0) + ms);
    });
    console.log('callers of openValue/sealValue:');
    for (const [k, ms] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 12))
      console.log(`${(ms / 40).toFixed(2).padStart(7)} ms/tap  ${k}`);
    console.log('total:');
    for (const [k, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 45))
      console.log(`${(ms / 40).toFixed(2).padStart(7)} ms/tap  ${k}`);
  } finally {
    await profile.close();
    profile.remove();
  }
}

/**
 * What the page has been through before the taps (PAGE_STATE). `logline` (default): both sides
 * write a log line, as `npm run bench` does (measure-incidents.ts says why). `untyped`: neither does,
 * so only the locked page has had a text field (its passphrase). `password` or `text`: the plain page
 * gets a field of that type typed in and removed, as the lock screen leaves the locked page.
 */
async function setPageState(page: Page, locked: boolean): Promise<void> {
  const state = process.env.PAGE_STATE ?? 'logline';
  if (state === 'logline') {
    await writeLogLine(page);
    await page.locator('.checklist__item').first().waitFor();
  } else if (!locked && (state === 'password' || state === 'text')) {
    await page.evaluate((type) => {
      const input = document.createElement('input');
      input.type = type;
      input.id = 'experiment-field';
      document.body.prepend(input);
    }, state);
    await page.locator('#experiment-field').fill(PASSPHRASE);
    await page.locator('#experiment-field').press('Enter');
    await page.evaluate(() => document.getElementById('experiment-field')?.remove());
  }
}

/** Taps in a plain and a locked profile in turns, so both see the same load of a shared machine. */
async function interleaved(rounds: number) {
  const open = async (locked: boolean) => {
    const profile = await launchProfile();
    const page = await profile.context.newPage();
    await page.goto(`${server.origin}/incidenten`);
    await page.getByLabel('Naam of initialen').fill('Bench');
    await page.getByRole('button', { name: 'Opslaan' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Incidenten' }).waitFor();
    const { logs, rows, settings } = seedIncidents(kader, incidents, 100);
    await store(page, 'logs', logs);
    await store(page, 'incidents', rows);
    await store(page, 'settings', settings);
    const id = (rows[Math.floor(incidents / 2)] as { id: string }).id;
    if (locked) {
      await page.goto(`${server.origin}/incidenten/instellingen`);
      await page.getByLabel(/^Wachtzin \(minstens/).fill(PASSPHRASE);
      await page.getByLabel('Wachtzin nog een keer').fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Beveilig met deze wachtzin' }).press('Enter');
      await page.getByRole('button', { name: 'Vergrendel', exact: true }).waitFor({ timeout: 600_000 });
    }
    await page.goto(`${server.origin}/incidenten/${id}?fase=direct-na`);
    if (locked) {
      await page.getByLabel('Wachtzin', { exact: true }).fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Ontgrendel', exact: true }).press('Enter');
    }
    await page.locator('.checklist__item').first().waitFor();
    await setPageState(page, locked);
    await taps(page, 10);
    return { profile, page };
  };
  const plain = await open(false);
  const locked = await open(true);
  await new Promise((resolve) => setTimeout(resolve, envNumber('SETTLE_S', incidents >= 500 ? 30 : 15) * 1000));
  const times = { plain: [] as number[], locked: [] as number[] };
  try {
    const cpu = { plain: cpuOfBrowser(plain.profile.dir), locked: cpuOfBrowser(locked.profile.dir) };
    const started = Date.now();
    for (let round = 0; round < rounds; round++) {
      times.plain.push(...(await taps(plain.page, 10)));
      times.locked.push(...(await taps(locked.page, 10)));
    }
    // Background work of each browser (a compaction shows in its storage service) while both tapped.
    console.log(`CPU over ${Date.now() - started} ms of taps`);
    console.log(`  plain:  ${cpuSince(cpu.plain, cpuOfBrowser(plain.profile.dir))}`);
    console.log(`  locked: ${cpuSince(cpu.locked, cpuOfBrowser(locked.profile.dir))}`);
    if (process.argv.includes('--trace')) {
      for (const [name, side] of [
        ['plain', plain],
        ['locked', locked],
      ] as const) {
        const cdp = await side.profile.context.newCDPSession(side.page);
        printTraceSummary(name, await traceOf(cdp, name, () => taps(side.page, 20)), 20);
      }
    }
    if (process.argv.includes('--phases')) {
      // Where a tap's time goes: click → readwrite transaction created → completed → DOM shows it.
      for (const [name, side] of [
        ['plain', plain],
        ['locked', locked],
      ] as const) {
        await side.page.addInitScript(() => {
          const w = window as unknown as { phases: number[][]; t0: number; marks: number[] };
          w.phases = [];
          const original = IDBDatabase.prototype.transaction;
          IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof original>) {
            const tx = original.apply(this, args);
            if (args[1] === 'readwrite') {
              const created = performance.now();
              tx.addEventListener('complete', () => w.marks.push(created, performance.now()));
            }
            return tx;
          } as typeof original;
          document.addEventListener(
            'click',
            () => {
              w.t0 = performance.now();
              w.marks = [];
            },
            true,
          );
        });
        await side.page.reload();
        if (name === 'locked') {
          await side.page.getByLabel('Wachtzin', { exact: true }).fill(PASSPHRASE);
          await side.page.getByRole('button', { name: 'Ontgrendel', exact: true }).press('Enter');
        }
        await side.page.locator('.checklist__item').first().waitFor();
        await setPageState(side.page, name === 'locked');
        await taps(side.page, 10);
        const phases: number[][] = [];
        for (let i = 0; i < 20; i++) {
          const total = (await taps(side.page, 1))[0]!;
          const [t0, marks] = await side.page.evaluate(() => {
            const w = window as unknown as { t0: number; marks: number[] };
            return [w.t0, w.marks] as const;
          });
          phases.push([marks[0]! - t0, marks[1]! - marks[0]!, total - (marks[1]! - t0)]);
        }
        const col = (k: number) => med(phases.map((p) => p[k]!)).toFixed(1);
        console.log(`${name}: click→tx ${col(0)} ms, tx ${col(1)} ms, commit→painted ${col(2)} ms`);
      }
    }
    const p50 = { plain: med(times.plain), locked: med(times.locked) };
    console.log(
      `interleaved p50 plain ${p50.plain.toFixed(1)} locked ${p50.locked.toFixed(1)} ratio ${(p50.locked / p50.plain).toFixed(2)}`,
    );
  } finally {
    for (const { profile } of [plain, locked]) {
      await profile.close();
      profile.remove();
    }
  }
}

try {
  if (process.argv.includes('--interleaved')) await interleaved(envNumber('ROUNDS', 6));
  else for (const mode of process.argv.includes('--locked-only') ? [true] : [false, true]) await run(mode);
} finally {
  await server.stop();
}
