import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type Kader, PHASE_IDS } from '../../src/content/schema.ts';
import { compileContent } from './compile-content.ts';
import { type ContentError, formatPath } from './content-error.ts';
import { type ContentFile, readContentDir } from './read-content.ts';

/**
 * Checks on top of the compiler, run by `npm run content:check`:
 * - duplicate step titles and duplicate instrument names (case-insensitive);
 * - published ids that disappeared or changed meaning, compared with content/published-ids.json.
 * Unknown and unused references, steps without a source and empty phases are found by the
 * compiler itself (compile-content.ts); runContentCheck reports those too.
 */

export const PUBLISHED_IDS_FILE = 'published-ids.json';

export const ID_KINDS = ['step', 'instrument', 'partner', 'consideration', 'source'] as const;
export type IdKind = (typeof ID_KINDS)[number];

const KIND_LABEL: Record<IdKind, string> = {
  step: 'stap',
  instrument: 'instrument',
  partner: 'partner',
  consideration: 'afweging',
  source: 'bron',
};

const publishedEntrySchema = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(ID_KINDS),
  phase: z.enum(PHASE_IDS).optional(),
  title: z.string().min(1),
});
export type PublishedEntry = z.infer<typeof publishedEntrySchema>;

const publishedIdsSchema = z.strictObject({
  description: z.string().optional(),
  entries: z.array(publishedEntrySchema),
});
export type PublishedIds = z.infer<typeof publishedIdsSchema>;

/** An id as it is found in the content files now, with where it lives. */
export interface CurrentEntry extends PublishedEntry {
  file: string;
  path: string;
  line?: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The catalogue files: which file, which list key, which kind, and which field holds the title. */
const CATALOGUES = [
  { file: 'instrumenten.yaml', key: 'instruments', kind: 'instrument', titleField: 'name' },
  { file: 'partners.yaml', key: 'partners', kind: 'partner', titleField: 'name' },
  { file: 'afwegingen.yaml', key: 'considerations', kind: 'consideration', titleField: 'title' },
  { file: 'bronnen.yaml', key: 'sources', kind: 'source', titleField: 'title' },
] as const;

/**
 * Every id in the content with its kind, phase (steps) and title. Reads the raw files, so it
 * also works on content that does not compile; malformed items are skipped.
 */
export function collectIdEntries(files: readonly ContentFile[]): CurrentEntry[] {
  const out: CurrentEntry[] = [];
  const push = (file: ContentFile, path: PropertyKey[], entry: PublishedEntry) =>
    out.push({ ...entry, file: file.file, path: formatPath(path), line: file.lineOf(path) });

  for (const file of files) {
    if (!isRecord(file.data)) continue;
    const data = file.data;
    if (file.file.startsWith('stappen/')) {
      const phase = PHASE_IDS.find((p) => p === data.phase);
      const steps = Array.isArray(data.steps) ? data.steps : [];
      steps.forEach((step, i) => {
        if (!isRecord(step)) return;
        const id = asString(step.id);
        if (!id) return;
        push(file, ['steps', i, 'id'], { id, kind: 'step', phase, title: asString(step.title) ?? '' });
      });
      continue;
    }
    const catalogue = CATALOGUES.find((c) => c.file === file.file);
    if (!catalogue) continue;
    const list = data[catalogue.key];
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      if (!isRecord(item)) return;
      const id = asString(item.id);
      if (!id) return;
      push(file, [catalogue.key, i, 'id'], {
        id,
        kind: catalogue.kind,
        title: asString(item[catalogue.titleField]) ?? '',
      });
    });
  }
  return out;
}

const normaliseTitle = (t: string) => t.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

/** Duplicate step titles (over all phases) and duplicate instrument names, ignoring case. */
export function checkDuplicateTitles(files: readonly ContentFile[]): ContentError[] {
  const errors: ContentError[] = [];
  const entries = collectIdEntries(files);
  const groups: { kind: IdKind; field: string; label: string }[] = [
    { kind: 'step', field: 'title', label: 'staptitel' },
    { kind: 'instrument', field: 'name', label: 'instrumentnaam' },
  ];
  for (const { kind, field, label } of groups) {
    const seen = new Map<string, CurrentEntry>();
    for (const entry of entries.filter((e) => e.kind === kind && e.title.trim() !== '')) {
      const key = normaliseTitle(entry.title);
      const first = seen.get(key);
      const path = entry.path.replace(/\.id$/, `.${field}`);
      const file = files.find((f) => f.file === entry.file);
      const line = file?.lineOf(pathToKeys(path)) ?? entry.line;
      if (first) {
        errors.push({
          file: entry.file,
          path,
          line,
          message: `dubbele ${label} "${entry.title}": "${first.id}" (${first.file}) heeft dezelfde ${label}`,
        });
      } else {
        seen.set(key, entry);
      }
    }
  }
  return errors;
}

/** Turns `steps[3].title` back into ['steps', 3, 'title']. */
function pathToKeys(path: string): PropertyKey[] {
  const keys: PropertyKey[] = [];
  for (const part of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (part[2] !== undefined) keys.push(Number(part[2]));
    else if (part[1] !== undefined) keys.push(part[1]);
  }
  return keys;
}

/** Small Dutch words that carry no meaning of their own. */
const STOPWORDS = new Set(
  `aan als bij dan dat de deze die dit door een en er geen het hoe ik in is je maar met na naar niet nog of om
  ook op over te tot u uit van voor wat wie zo zijn zich zelf dezelfde hetzelfde eerst weer meer alle elk elke
  wordt worden kan kunnen moet mag art artikel lid sub`.split(/\s+/),
);

/** The words of a title that carry meaning: lower case, without accents, at least three letters, no stop words. */
export function significantWords(title: string): string[] {
  const plain = title.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');
  return [...new Set(plain.split(/[^\p{L}\p{N}]+/u))].filter((w) => w.length >= 3 && !STOPWORDS.has(w));
}

/** True when the titles share a significant word; "sluit" and "sluiting" count as shared (prefix of four or more letters). */
export function sharesSignificantWord(a: string, b: string): boolean {
  const wordsB = significantWords(b);
  return significantWords(a).some((wa) =>
    wordsB.some((wb) => wa === wb || (Math.min(wa.length, wb.length) >= 4 && (wa.startsWith(wb) || wb.startsWith(wa)))),
  );
}

/**
 * Compares the ids in the content with the published list. An id that was published may never
 * disappear, change kind, move to another phase, or get a title that shares no significant word
 * with its published title. New ids are fine.
 */
export function checkPublishedIds(current: readonly CurrentEntry[], published: PublishedIds): ContentError[] {
  const errors: ContentError[] = [];
  const publishedKinds = new Map<string, Set<IdKind>>();
  for (const p of published.entries) {
    const kinds = publishedKinds.get(p.id) ?? new Set<IdKind>();
    kinds.add(p.kind);
    publishedKinds.set(p.id, kinds);
  }
  published.entries.forEach((p, i) => {
    const where = { file: PUBLISHED_IDS_FILE, path: formatPath(['entries', i]) };
    const label = KIND_LABEL[p.kind];
    const same = current.filter((c) => c.id === p.id && c.kind === p.kind);
    if (same.length === 0) {
      const other = current.filter((c) => c.id === p.id && !publishedKinds.get(p.id)?.has(c.kind));
      const moved = other[0];
      if (moved) {
        errors.push({
          file: moved.file,
          path: moved.path,
          line: moved.line,
          message: `id "${p.id}" is gepubliceerd als ${label}, maar is nu een ${KIND_LABEL[moved.kind]}. Een gepubliceerde id mag niet van soort veranderen; kies een nieuwe id.`,
        });
      } else {
        errors.push({
          ...where,
          message: `gepubliceerde ${label} "${p.id}" ("${p.title}") ontbreekt in de inhoud. Gepubliceerde id's mogen niet verdwijnen: zet de id terug.`,
        });
      }
      return;
    }
    for (const c of same) {
      if (p.kind === 'step' && p.phase && c.phase && p.phase !== c.phase) {
        errors.push({
          file: c.file,
          path: c.path,
          line: c.line,
          message: `stap "${p.id}" is gepubliceerd in fase "${p.phase}", maar staat nu in fase "${c.phase}". Maak een nieuwe stap met een nieuwe id.`,
        });
      }
      if (significantWords(p.title).length > 0 && !sharesSignificantWord(p.title, c.title)) {
        errors.push({
          file: c.file,
          path: c.path,
          line: c.line,
          message: `${label} "${p.id}" heeft een andere betekenis gekregen: de titel "${c.title}" deelt geen enkel belangrijk woord met de gepubliceerde titel "${p.title}". Geef nieuwe inhoud een nieuwe id.`,
        });
      }
    }
  });
  return errors;
}

/** Reads content/published-ids.json. A missing or malformed file is an error. */
export function readPublishedIds(contentDir: string): { published?: PublishedIds; errors: ContentError[] } {
  const full = join(contentDir, PUBLISHED_IDS_FILE);
  if (!existsSync(full)) {
    return {
      errors: [
        {
          file: PUBLISHED_IDS_FILE,
          path: '(bestand)',
          message: 'bestand ontbreekt. Maak het met: npm run content:publish-ids',
        },
      ],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(full, 'utf8'));
  } catch (e) {
    return {
      errors: [
        { file: PUBLISHED_IDS_FILE, path: '(json)', message: `JSON kan niet gelezen worden: ${(e as Error).message}` },
      ],
    };
  }
  const parsed = publishedIdsSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map((issue) => ({
        file: PUBLISHED_IDS_FILE,
        path: formatPath(issue.path),
        message: issue.message,
      })),
    };
  }
  return { published: parsed.data, errors: [] };
}

/** Runs the compiler and every extra check on a content directory; returns all problems found. */
export function runContentCheck(contentDir: string): { errors: ContentError[]; kader?: Kader } {
  const read = readContentDir(contentDir);
  const compiled = compileContent(read.files);
  const errors: ContentError[] = [...read.errors, ...compiled.errors, ...checkDuplicateTitles(read.files)];
  const { published, errors: publishedErrors } = readPublishedIds(contentDir);
  errors.push(...publishedErrors);
  if (published) errors.push(...checkPublishedIds(collectIdEntries(read.files), published));
  return errors.length === 0 && compiled.kader ? { errors, kader: compiled.kader } : { errors };
}

const DESCRIPTION =
  'Gepubliceerde id’s met hun soort, fase en titel bij publicatie. Niet met de hand wijzigen: voeg nieuwe id’s toe met npm run content:publish-ids. Bestaande regels worden nooit aangepast.';

/** Appends the ids that are not in the published list yet. Existing entries are kept exactly as they are. */
export function appendNewIds(
  published: PublishedIds | undefined,
  current: readonly CurrentEntry[],
): { published: PublishedIds; added: PublishedEntry[] } {
  const entries = [...(published?.entries ?? [])];
  const known = new Set(entries.map((e) => `${e.kind}:${e.id}`));
  const added: PublishedEntry[] = [];
  for (const c of current) {
    const key = `${c.kind}:${c.id}`;
    if (known.has(key)) continue;
    known.add(key);
    const entry: PublishedEntry =
      c.kind === 'step'
        ? { id: c.id, kind: c.kind, phase: c.phase, title: c.title }
        : { id: c.id, kind: c.kind, title: c.title };
    entries.push(entry);
    added.push(entry);
  }
  return { published: { description: published?.description ?? DESCRIPTION, entries }, added };
}

export function writePublishedIds(contentDir: string, published: PublishedIds): void {
  writeFileSync(join(contentDir, PUBLISHED_IDS_FILE), `${JSON.stringify(published, null, 2)}\n`);
}
