/**
 * One-off migration (issue 12): inserts `checkedOn` and `review` into every step, instrument,
 * ruling and partner in content/. Lines are inserted as text so comments and hand formatting
 * stay exactly as they were; only the new lines appear in the diff.
 *
 * checkedOn: no item records when it was checked, so the best known date is the last commit
 * that touched any of the item's lines (git blame). review: `inhoudelijk getoetst` only when the
 * item has no `unverified` flag and cites at least one law or ruling source; else `concept`.
 *
 * Kept in the repository to document how the initial values came about. Running it twice
 * does nothing: items that already have `checkedOn` are skipped.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const contentDir = join(repo, 'content');

const sourceKinds = new Map<string, string>();
{
  const doc = parseDocument(readFileSync(join(contentDir, 'bronnen.yaml'), 'utf8'));
  for (const s of (doc.toJS() as { sources: { id: string; kind: string }[] }).sources) sourceKinds.set(s.id, s.kind);
}

/** Commit date (YYYY-MM-DD) per 1-based line of a file. */
function lineDates(file: string): string[] {
  const out = execFileSync('git', ['blame', '--line-porcelain', '--', file], { cwd: repo, encoding: 'utf8' });
  const dates: string[] = [''];
  let time = 0;
  for (const line of out.split('\n')) {
    if (line.startsWith('committer-time ')) time = Number(line.slice(15));
    else if (line.startsWith('\t')) dates.push(new Date(time * 1000).toISOString().slice(0, 10));
  }
  return dates;
}

function migrate(rel: string, listKeys: string[][]): number {
  const file = join(contentDir, rel);
  const source = readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  const dates = lineDates(join('content', rel));
  const inserts: { offset: number; text: string }[] = [];

  const visit = (item: YAMLMap) => {
    if (item.has('checkedOn')) return;
    const js = item.toJSON() as { sources?: string[]; unverified?: string };
    const first = item.items[0];
    const last = item.items[item.items.length - 1];
    if (!first || !last) return;
    const start = (first.key as { range: [number, number, number] }).range[0];
    let end = ((last.value ?? last.key) as { range: [number, number, number] }).range[1];
    while (end > start && /\s/.test(source[end - 1] ?? '')) end--;
    const startLine = lineCounter.linePos(start);
    const endLine = lineCounter.linePos(end - 1).line;
    const checkedOn = dates
      .slice(startLine.line, endLine + 1)
      .sort()
      .at(-1);
    const citesLaw = (js.sources ?? []).some((id) => ['wet', 'rechtspraak'].includes(sourceKinds.get(id) ?? ''));
    const review = !js.unverified && citesLaw ? 'inhoudelijk getoetst' : 'concept';
    const indent = ' '.repeat(startLine.col - 1);
    const lineEnd = source.indexOf('\n', end - 1);
    inserts.push({
      offset: lineEnd === -1 ? source.length : lineEnd + 1,
      text: `${indent}checkedOn: ${checkedOn}\n${indent}review: ${review}\n`,
    });
  };

  for (const path of listKeys) {
    const top = doc.getIn([path[0]], true);
    if (!isSeq(top)) throw new Error(`${rel}: ${path[0]} is geen lijst`);
    for (const item of top.items) {
      if (!isMap(item)) continue;
      visit(item);
      if (path[1]) {
        const nested = item.get(path[1], true);
        if (isSeq(nested)) for (const n of nested.items) if (isMap(n)) visit(n);
      }
    }
  }
  let out = source;
  for (const ins of inserts.sort((a, b) => b.offset - a.offset)) {
    out = out.slice(0, ins.offset) + ins.text + out.slice(ins.offset);
  }
  writeFileSync(file, out);
  return inserts.length;
}

let total = 0;
for (const phase of ['preventie', 'dreiging', 'direct-na', 'nazorg'])
  total += migrate(`stappen/${phase}.yaml`, [['steps']]);
total += migrate('instrumenten.yaml', [['instruments', 'caseLaw']]);
total += migrate('partners.yaml', [['partners']]);
console.log(`${total} items bijgewerkt.`);
