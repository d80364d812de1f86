import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { buildKader } from '../../scripts/content/build-kader.ts';
import { formatContentError } from '../../scripts/content/content-error.ts';
import { runContentCheck } from '../../scripts/content/extra-checks.ts';
import { informalWords } from '../../scripts/content/trust-checks.ts';
import { CONTENT_DIR } from './content/content-dir.ts';

// Each rule of issue 12 (and the "u" rule of issue 15) is shown with one broken copy of the real content.

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function broken(file: string, edit: (source: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kader-trust-'));
  dirs.push(dir);
  cpSync(CONTENT_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(path, after);
  return dir;
}

type Data = Record<string, Record<string, unknown>[]>;
function brokenData(file: string, edit: (data: Data) => void): string {
  return broken(file, (source) => {
    const data = parse(source) as Data;
    edit(data);
    return stringify(data);
  });
}

/** The check and the build both refuse, and the check names the problem. */
function refusal(dir: string): string[] {
  expect(() => buildKader(dir)).toThrow();
  const messages = runContentCheck(dir).errors.map(formatContentError);
  expect(messages.length).toBeGreaterThan(0);
  return messages;
}

const first =
  (re: RegExp, by = '') =>
  (s: string) =>
    s.replace(re, by);

describe('the content check refuses untraceable claims', () => {
  it('accepts the real content', () => {
    expect(runContentCheck(CONTENT_DIR).errors.map(formatContentError)).toEqual([]);
  });

  it('refuses a ruling without an ECLI', () => {
    const messages = refusal(broken('instrumenten.yaml', first(/\n {8}ecli: ECLI:[^\n]+/)));
    expect(messages.some((m) => /caseLaw\[\d+\]\.ecli: een uitspraak heeft een ECLI-nummer nodig/.test(m))).toBe(true);
  });

  it('refuses a malformed ECLI', () => {
    const messages = refusal(broken('instrumenten.yaml', first(/ecli: ECLI:NL:/, 'ecli: NL:')));
    expect(messages.some((m) => m.includes('ongeldig ECLI-nummer'))).toBe(true);
  });

  it('refuses an instrument without a law link', () => {
    const messages = refusal(broken('instrumenten.yaml', first(/\n {4}lawLinks:\n(?: {6}.*\n)+/, '\n')));
    expect(messages.some((m) => /instruments\[0\]\.lawLinks: minstens één link naar de wettekst/.test(m))).toBe(true);
  });

  it('refuses a law link that is not a BWB id or has no "geldend op" date', () => {
    const noDate = refusal(broken('instrumenten.yaml', first(/\n {8}validOn: [^\n]+/)));
    expect(noDate.some((m) => m.includes('lawLinks[0].validOn'))).toBe(true);
    const badId = refusal(broken('instrumenten.yaml', first(/bwb: BWBR/, 'bwb: XYZ')));
    expect(badId.some((m) => m.includes('BWB-id'))).toBe(true);
  });

  it('refuses a step without checkedOn', () => {
    const messages = refusal(broken('stappen/dreiging.yaml', first(/\n {4}checkedOn: [^\n]+/)));
    expect(messages.some((m) => /^stappen\/dreiging\.yaml:\d+ steps\[0\]\.checkedOn: /.test(m))).toBe(true);
  });

  it('refuses a step without a review status, or with an unknown one', () => {
    const missing = refusal(broken('stappen/nazorg.yaml', first(/\n {4}review: [^\n]+/)));
    expect(missing.some((m) => /steps\[0\]\.review: review: concept, inhoudelijk getoetst of juridisch/.test(m))).toBe(
      true,
    );
    const unknown = refusal(broken('stappen/nazorg.yaml', first(/\n {4}review: [^\n]+/, '\n    review: nagekeken')));
    expect(unknown.some((m) => m.includes('steps[0].review'))).toBe(true);
  });

  it('refuses a checkedOn that is not a date', () => {
    const messages = refusal(
      broken('stappen/preventie.yaml', first(/checkedOn: \d{4}-\d\d-\d\d/, 'checkedOn: 2026-13-01')),
    );
    expect(messages.some((m) => m.includes('checkedOn: datum als JJJJ-MM-DD'))).toBe(true);
  });

  it('refuses an instrument, a ruling or a partner without checkedOn', () => {
    const instrument = refusal(broken('instrumenten.yaml', first(/\n {4}checkedOn: [^\n]+/)));
    expect(instrument.some((m) => /instruments\[\d+\]\.checkedOn/.test(m))).toBe(true);
    const ruling = refusal(broken('instrumenten.yaml', first(/\n {8}checkedOn: [^\n]+/)));
    expect(ruling.some((m) => /caseLaw\[\d+\]\.checkedOn/.test(m))).toBe(true);
    const partner = refusal(broken('partners.yaml', first(/\n {4}checkedOn: [^\n]+/)));
    expect(partner.some((m) => /^partners\.yaml:\d+ partners\[0\]\.checkedOn/.test(m))).toBe(true);
  });

  it('refuses "juridisch getoetst" on a text that is also marked unverified', () => {
    const dir = brokenData('stappen/dreiging.yaml', (d) => {
      const step = d.steps?.[0];
      if (!step) throw new Error('no step');
      step.review = 'juridisch getoetst';
      step.unverified = 'Het artikel is niet gecontroleerd.';
    });
    expect(refusal(dir).some((m) => m.includes('steps[0].review: staat op "juridisch getoetst"'))).toBe(true);
  });
});

describe('the changelog', () => {
  it('must start with the current version of kader.yaml', () => {
    const dir = broken('kader.yaml', (s) => s.replace(/^version: .*$/m, 'version: "2099.1"'));
    expect(refusal(dir).some((m) => /changelog\.yaml:\d+ versions\[0\]\.version: de bovenste versie/.test(m))).toBe(
      true,
    );
  });

  it('refuses versions out of order and unknown step or instrument ids', () => {
    const dir = brokenData('changelog.yaml', (d) => {
      const versions = d.versions ?? [];
      versions.reverse();
      const change = (versions[0]?.changes as Record<string, unknown>[] | undefined)?.[0];
      if (change) {
        change.steps = ['preventie.bestaat-niet'];
        change.instruments = ['bestaat-ook-niet'];
      }
    });
    const messages = refusal(dir);
    expect(messages.some((m) => m.includes('versies staan van nieuw naar oud'))).toBe(true);
    expect(messages.some((m) => m.includes('onbekende stap "preventie.bestaat-niet"'))).toBe(true);
    expect(messages.some((m) => m.includes('onbekend instrument "bestaat-ook-niet"'))).toBe(true);
  });
});

describe('the glossary', () => {
  it('refuses a term that cites an unknown source, and a duplicate id', () => {
    const dir = brokenData('begrippen.yaml', (d) => {
      const terms = d.terms ?? [];
      const [a] = terms;
      if (!a) throw new Error('no term');
      a.sources = ['bestaat-niet'];
      terms.push({ ...a, term: 'Nog een', sources: [] });
    });
    const messages = refusal(dir);
    expect(messages.some((m) => m.includes('onbekende bron "bestaat-niet"'))).toBe(true);
    expect(messages.some((m) => m.includes('dubbele id'))).toBe(true);
  });
});

describe('the content addresses the reader with "u"', () => {
  it('finds je, jij, jou and jouw as words, not inside other words or quotes', () => {
    expect(informalWords('Dan weet je het. Jij belt. Voor jou en jouw buren.')).toEqual(['je', 'Jij', 'jou', 'jouw']);
    expect(informalWords('Bijeenkomst, jeugd, hersenen, rijen; zo’n jaar.')).toEqual([]);
    expect(informalWords('De campagne “Praat met je kind over explosies” loopt.')).toEqual([]);
    expect(informalWords('De campagne "Praat met je kind" loopt.')).toEqual([]);
  });

  it('refuses "je" in a step and names the place', () => {
    const dir = brokenData('stappen/preventie.yaml', (d) => {
      const step = d.steps?.[1];
      if (step) step.why = 'Zo weet je wat er speelt.';
    });
    expect(
      refusal(dir).some((m) => /^stappen\/preventie\.yaml:\d+ steps\[1\]\.why: spreek de lezer aan met "u"/.test(m)),
    ).toBe(true);
  });

  it('leaves the titles of sources alone: they are other people’s titles', () => {
    const dir = brokenData('bronnen.yaml', (d) => {
      const source = d.sources?.[0];
      if (source) source.title = `${String(source.title)}, zie ook: Praat met je kind over explosies`;
    });
    expect(runContentCheck(dir).errors.map(formatContentError)).toEqual([]);
  });
});
