// `npm run bench`: builds, serves and measures. Prints one JSON object per line.
// Figures are for the closing notes and for spotting regressions; tests never assert on time.
import { execSync } from 'node:child_process';
import { criticalPathJsKb, offlineStartMs, precacheKb } from './bench/measure-pwa.ts';
import { searchMs } from './bench/measure-search.ts';
import { buildKader } from './content/build-kader.ts';

function emit(metric: string, value: number, unit: string) {
  console.log(JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit }));
}

const only = process.argv.slice(2);
const wants = (group: string) => only.length === 0 || only.includes(group);

if (wants('pwa')) {
  execSync('npx vite build --logLevel error', { stdio: 'inherit' });
  execSync('npx vite build --logLevel error --config scripts/bench/baseline/vite.config.ts', { stdio: 'inherit' });
  emit('critical_path_js_kb', await criticalPathJsKb('dist'), 'KB gzip');
  emit('precache_kb', precacheKb('dist'), 'KB');
  emit('offline_start_ms', await offlineStartMs('dist'), 'ms');
  emit('offline_start_baseline_ms', await offlineStartMs('dist-baseline'), 'ms');
}
if (wants('search')) {
  emit('search_ms', searchMs(buildKader(process.env.KADER_CONTENT_DIR || 'content')), 'ms');
}
