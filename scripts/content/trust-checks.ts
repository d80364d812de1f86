import { compareContentVersions } from '../../src/content/changelog.ts';
import type { ChangelogEntry, Instrument, Partner, Step } from '../../src/content/schema.ts';
import type { ContentError } from './content-error.ts';
import { formatPath } from './content-error.ts';
import type { ContentFile } from './read-content.ts';

/**
 * Checks that make claims traceable (issue 12) and keep the tone of the content, on top of the
 * schema (which already requires checkedOn, review, an ECLI per ruling and a law link per instrument):
 * - an item marked "juridisch getoetst" cannot also say that something is unverified;
 * - the changelog lists the current version first, newest first, and names existing steps and instruments;
 * - the content addresses the reader with "u", never "je", "jij", "jou" or "jouw".
 */

type At = (file: ContentFile, path: PropertyKey[], message: string) => void;

interface Reviewed {
  review: string;
  unverified?: string | undefined;
}

const CONTRADICTION = 'staat op "juridisch getoetst" maar heeft ook een unverified-veld; kies één van beide';

export function checkReviewStatus(
  at: At,
  files: { steps: { file: ContentFile; steps: readonly Step[] }[]; instruments?: ContentFile; partners?: ContentFile },
  instruments: readonly Instrument[],
  partners: readonly Partner[],
): void {
  const check = (file: ContentFile | undefined, path: PropertyKey[], item: Reviewed) => {
    if (file && item.review === 'juridisch getoetst' && item.unverified) at(file, [...path, 'review'], CONTRADICTION);
  };
  for (const { file, steps } of files.steps)
    steps.forEach((s, i) => {
      check(file, ['steps', i], s);
    });
  instruments.forEach((ins, i) => {
    check(files.instruments, ['instruments', i], ins);
    ins.caseLaw.forEach((c, j) => {
      check(files.instruments, ['instruments', i, 'caseLaw', j], c);
    });
  });
  partners.forEach((p, i) => {
    check(files.partners, ['partners', i], p);
  });
}

export function checkChangelog(
  at: At,
  file: ContentFile,
  versions: readonly ChangelogEntry[],
  currentVersion: string | undefined,
  stepIds: ReadonlySet<string>,
  instrumentIds: ReadonlySet<string>,
): void {
  if (currentVersion && versions[0] && versions[0].version !== currentVersion)
    at(
      file,
      ['versions', 0, 'version'],
      `de bovenste versie (${versions[0].version}) moet de huidige versie uit kader.yaml zijn (${currentVersion})`,
    );
  versions.forEach((v, i) => {
    const previous = versions[i - 1];
    if (previous && compareContentVersions(previous.version, v.version) <= 0)
      at(
        file,
        ['versions', i, 'version'],
        `versies staan van nieuw naar oud; ${v.version} staat onder ${previous.version}`,
      );
    v.changes.forEach((c, j) => {
      c.steps.forEach((id, k) => {
        if (!stepIds.has(id)) at(file, ['versions', i, 'changes', j, 'steps', k], `onbekende stap "${id}"`);
      });
      c.instruments.forEach((id, k) => {
        if (!instrumentIds.has(id))
          at(file, ['versions', i, 'changes', j, 'instruments', k], `onbekend instrument "${id}"`);
      });
    });
  });
}

/** Informal address, as whole words. Text between quotation marks (a quoted campaign name) is exempt. */
const INFORMAL = /(?<![\p{L}\p{N}'’-])(je|jij|jou|jouw)(?![\p{L}\p{N}'’-])/giu;
// Plain single quotes are left out: they double as apostrophes ("zo'n"), so they cannot mark a quote.
const QUOTED = /"[^"]*"|“[^”]*”|„[^”“]*[”“]|‘[^’]*’|«[^»]*»/g;
/** Fields that hold ids, links or codes, not prose. `steps` is prose in a steps file and an id list in the changelog. */
const NOT_PROSE = new Set(['id', 'url', 'sources', 'instruments', 'partners', 'considerations', 'bwb', 'briefRows']);
const isIdList = (key: string, value: unknown) =>
  NOT_PROSE.has(key) || (key === 'steps' && Array.isArray(value) && value.every((v) => typeof v === 'string'));

export function informalWords(text: string): string[] {
  return [...text.replace(QUOTED, ' ').matchAll(INFORMAL)].map((m) => m[0]);
}

/** Reports every prose string in the content that says "je", "jij", "jou" or "jouw". */
export function checkFormalAddress(errors: ContentError[], files: readonly ContentFile[]): void {
  const walk = (file: ContentFile, value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      const words = informalWords(value);
      if (words.length > 0)
        errors.push({
          file: file.file,
          path: formatPath(path),
          line: file.lineOf(path),
          message: `spreek de lezer aan met "u", niet met ${[...new Set(words.map((w) => `"${w}"`))].join(', ')}`,
        });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => {
        walk(file, v, [...path, i]);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) if (!isIdList(k, v)) walk(file, v, [...path, k]);
    }
  };
  // Source titles are the titles of other people's pages; they are quoted as they are.
  for (const file of files) if (file.file !== 'bronnen.yaml') walk(file, file.data, []);
}
