// Dev tool: where an import of 1,000 incidents spends its time in Chromium (a CPU profile
// of the import screen, from choosing the file to "Importeren" done). Not part of `npm run bench`.
// Usage: npm run build && npx tsx scripts/bench/profile-import.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchProfile, startAppServer } from '../../tests/e2e/support/browser.ts';
import { buildKader } from '../content/build-kader.ts';
import { startExport } from './measure-exchange.ts';
import { store } from './page-store.ts';
import { seedIncidents } from './seed-incidents.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const kader = buildKader('content');
const server = await startAppServer('dist');
const dir = mkdtempSync(join(tmpdir(), 'hke-prof-'));
const source = await launchProfile();
const target = await launchProfile();
try {
  const page = await source.context.newPage();
  await page.goto(`${server.origin}/incidenten`);
  await page.getByLabel('Naam of initialen').fill('Bench');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  const { logs, rows, settings } = seedIncidents(kader, 1000, 100);
  await store(page, 'logs', logs);
  await store(page, 'incidents', rows);
  await store(page, 'settings', settings);
  await page.goto(`${server.origin}/incidenten/delen`);
  const section = page.getByRole('region', { name: 'Exporteren' });
  await section.getByLabel('Alle incidenten').check();
  const file = await (await startExport(page)).download;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);

  const other = await target.context.newPage();
  await other.goto(`${server.origin}/incidenten`);
  await other.getByLabel('Naam of initialen').fill('Bench');
  await other.getByRole('button', { name: 'Opslaan' }).click();
  await other.goto(`${server.origin}/incidenten/delen`);
  await other.waitForLoadState('networkidle');
  const cdp = await target.context.newCDPSession(other);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await other.getByLabel('Kies een bestand (of sleep het hierheen)').setInputFiles(path);
  await other.getByRole('region', { name: 'Voorbeeld van de import' }).waitFor({ timeout: 120_000 });
  const t1 = Date.now();
  await other.getByRole('button', { name: 'Importeren' }).click();
  await other.locator('.alert--ok[role="status"]').waitFor({ timeout: 120_000 });
  const t2 = Date.now();
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  console.log(`preview ${t1 - t0} ms, apply ${t2 - t1} ms`);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`${ms.toFixed(0).padStart(6)} ms  ${k}`);
} finally {
  for (const p of [source, target]) {
    await p.close();
    p.remove();
  }
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
