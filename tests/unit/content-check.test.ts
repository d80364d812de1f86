import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../scripts/content/content-error.ts';
import {
  appendNewIds,
  checkPublishedIds,
  collectIdEntries,
  PUBLISHED_IDS_FILE,
  readPublishedIds,
  runContentCheck,
  sharesSignificantWord,
  significantWords,
} from '../../scripts/content/extra-checks.ts';
import { readContentDir } from '../../scripts/content/read-content.ts';
import { CONTENT, editPublished, editYaml, fixture, list, messages, REPO, steps } from './content/content-fixture.ts';

describe('content check on the real content', () => {
  it('finds no problems', () => {
    const result = runContentCheck(CONTENT);
    expect(result.errors.map(formatContentError)).toEqual([]);
    expect(result.kader).toBeDefined();
  });

  it('meets the coverage rules of the framework', () => {
    const kader = runContentCheck(CONTENT).kader;
    if (!kader) throw new Error('content does not compile');
    const allSteps = kader.phases.flatMap((p) => p.steps);
    expect(allSteps.length).toBeGreaterThanOrEqual(70);

    const rows = (letter: string, n: number) => Array.from({ length: n }, (_, i) => `${letter}${i + 1}`);
    const required = [
      ...rows('P', 15),
      ...rows('D', 15),
      ...rows('H', 6),
      ...rows('F', 12),
      ...rows('K', 10),
      ...rows('N', 14),
    ];
    const covered = new Set(allSteps.flatMap((s) => s.briefRows));
    expect(required.filter((row) => !covered.has(row))).toEqual([]);

    // Rows of the first hour, day and week sit in the matching time window.
    const windowOf: Record<string, string> = { H: 'eerste-uur', F: 'eerste-dag', K: 'eerste-week' };
    const misplaced = allSteps
      .filter((s) => s.phase === 'direct-na')
      .flatMap((s) =>
        s.briefRows.filter((row) => windowOf[row[0] ?? ''] !== s.timeWindow).map((row) => `${s.id} ${row}`),
      );
    expect(misplaced).toEqual([]);

    expect(kader.instruments.length).toBeGreaterThanOrEqual(15);
    expect(kader.partners.length).toBeGreaterThanOrEqual(10);
    expect(kader.considerations.length).toBeGreaterThanOrEqual(17);
    expect(allSteps.filter((s) => s.sources.length === 0).map((s) => s.id)).toEqual([]);
    expect(kader.instruments.filter((i) => i.sources.length === 0).map((i) => i.id)).toEqual([]);
    expect(allSteps.filter((s) => s.targets.length === 0).map((s) => s.id)).toEqual([]);
    // Vehicles get their own practical steps.
    expect(allSteps.filter((s) => s.targets.length === 1 && s.targets[0] === 'voertuig').length).toBeGreaterThanOrEqual(
      2,
    );
    // National content leaves phone numbers to the municipality.
    expect(kader.partners.filter((p) => p.phone !== '').map((p) => p.id)).toEqual([]);
    // A step that covers more than one brief row is a merge and must say why.
    expect(allSteps.filter((s) => new Set(s.briefRows).size > 1 && !s.mergeNote).map((s) => s.id)).toEqual([]);
  });

  it('has every current id in the published list', () => {
    const { published } = readPublishedIds(CONTENT);
    const current = collectIdEntries(readContentDir(CONTENT).files);
    expect(appendNewIds(published, current).added).toEqual([]);
  });
});

describe('duplicate titles', () => {
  it('fails on two steps with the same title in different case', () => {
    const dir = fixture();
    let title = '';
    editYaml(dir, 'stappen/preventie.yaml', (d) => {
      title = String(steps(d)[0]?.title);
    });
    editYaml(dir, 'stappen/nazorg.yaml', (d) => {
      const step = steps(d)[0];
      if (step) step.title = title.toUpperCase();
    });
    const found = messages(dir).filter((m) => m.includes('dubbele staptitel'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^stappen\/preventie\.yaml:\d+ steps\[0\]\.title/);
  });

  it('fails on two instruments with the same name', () => {
    const dir = fixture();
    editYaml(dir, 'instrumenten.yaml', (d) => {
      const [first, second] = list(d, 'instruments');
      if (first && second) second.name = ` ${String(first.name).toLowerCase()} `;
    });
    expect(messages(dir).filter((m) => m.includes('dubbele instrumentnaam'))).toHaveLength(1);
  });
});

describe('published ids', () => {
  it('fails when a published id disappears', () => {
    const dir = fixture();
    let oldId = '';
    editYaml(dir, 'stappen/dreiging.yaml', (d) => {
      const step = steps(d)[0];
      if (!step) return;
      oldId = String(step.id);
      step.id = 'dreiging.nieuwe-naam-voor-deze-stap';
    });
    const found = messages(dir).filter((m) => m.includes(`"${oldId}"`) && m.includes('ontbreekt'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^published-ids\.json entries\[\d+\]/);
  });

  it('fails when an id changes kind', () => {
    const dir = fixture();
    editPublished(dir, (p) => {
      const entry = p.entries.find((e) => e.kind === 'partner' && e.id === 'politie');
      if (entry) entry.kind = 'consideration';
    });
    // "politie" is now a partner, but it was published as a consideration.
    expect(messages(dir).filter((m) => m.includes('"politie"') && m.includes('van soort'))).toHaveLength(1);
  });

  it('fails when a step moves to another phase', () => {
    const dir = fixture();
    editPublished(dir, (p) => {
      const entry = p.entries.find((e) => e.kind === 'step' && e.phase === 'nazorg');
      if (entry) entry.phase = 'preventie';
    });
    expect(messages(dir).filter((m) => m.includes('gepubliceerd in fase "preventie"'))).toHaveLength(1);
  });

  it('fails when a title changes meaning, but not when it is only reworded', () => {
    const dir = fixture();
    editYaml(dir, 'stappen/direct-na.yaml', (d) => {
      const [first, second] = steps(d);
      if (!first || !second) return;
      first.title = 'Bestel taart voor het team';
      second.title = `${String(second.title)} zo snel mogelijk`;
    });
    const found = messages(dir);
    expect(found.filter((m) => m.includes('andere betekenis'))).toHaveLength(1);
    expect(found.filter((m) => m.includes('andere betekenis'))[0]).toContain('Bestel taart');
    expect(found).toHaveLength(1);
  });

  it('accepts a new id and publish-ids appends only that one', () => {
    const dir = fixture();
    editYaml(dir, 'stappen/nazorg.yaml', (d) => {
      steps(d).push({
        id: 'nazorg.nieuwe-testen-stap',
        title: 'Bel na een maand alle getroffen huishoudens',
        what: 'Bel elk huishouden.',
        why: 'Zo hoort de gemeente wat nog nodig is.',
        kind: 'nazorg',
        actor: 'Gemeente',
        targets: ['woning'],
        partners: ['oov-adviseur'],
        sources: ['S95'],
        checkedOn: '2026-12-01',
        review: 'concept',
      });
    });
    expect(messages(dir)).toEqual([]);

    const before = readPublishedIds(dir).published;
    const { published, added } = appendNewIds(before, collectIdEntries(readContentDir(dir).files));
    expect(added).toEqual([
      {
        id: 'nazorg.nieuwe-testen-stap',
        kind: 'step',
        phase: 'nazorg',
        title: 'Bel na een maand alle getroffen huishoudens',
      },
    ]);
    expect(published.entries.slice(0, before?.entries.length)).toEqual(before?.entries);
  });

  it('publish-ids never rewrites an existing entry', () => {
    const dir = fixture();
    editYaml(dir, 'stappen/direct-na.yaml', (d) => {
      const step = steps(d)[0];
      if (step) step.title = `${String(step.title)} en houd afstand`;
    });
    const before = readPublishedIds(dir).published;
    const { published, added } = appendNewIds(before, collectIdEntries(readContentDir(dir).files));
    expect(added).toEqual([]);
    expect(published).toEqual(before);
  });

  it('fails when the published list is missing', () => {
    const dir = fixture();
    rmSync(join(dir, PUBLISHED_IDS_FILE));
    expect(messages(dir)).toEqual([expect.stringContaining('published-ids.json (bestand): bestand ontbreekt')]);
  });

  it('compares significant words, not small words', () => {
    expect(significantWords('Stuur dezelfde dag een brief aan de buren')).toEqual(['stuur', 'dag', 'brief', 'buren']);
    expect(sharesSignificantWord('Sluit de woning', 'Besluit over sluiting van de woning')).toBe(true);
    expect(sharesSignificantWord('Sluit de woning', 'Sluiting overwegen')).toBe(true);
    expect(sharesSignificantWord('Informeer de raad', 'Bel de brandweer')).toBe(false);
    expect(
      checkPublishedIds(
        [{ id: 'x', kind: 'partner', title: 'Brandweer', file: 'partners.yaml', path: 'partners[0].id' }],
        { entries: [{ id: 'x', kind: 'partner', title: 'Politie' }] },
      ),
    ).toHaveLength(1);
  });
});

describe('checks the compiler does, reported by content:check', () => {
  it('fails on an unknown reference', () => {
    const dir = fixture();
    editYaml(dir, 'stappen/preventie.yaml', (d) => {
      const step = steps(d)[0];
      if (step) step.partners = ['bestaat-niet'];
    });
    expect(messages(dir).some((m) => m.includes('onbekende partner "bestaat-niet"'))).toBe(true);
  });

  it('fails on an unused source', () => {
    const dir = fixture();
    editYaml(dir, 'bronnen.yaml', (d) => {
      list(d, 'sources').push({ id: 'S999', kind: 'web', title: 'Ongebruikte bron', url: 'https://example.org/' });
    });
    expect(messages(dir)).toEqual([expect.stringContaining('bron "S999" wordt nergens gebruikt')]);
  });

  it('fails on a step without a source', () => {
    const dir = fixture();
    editYaml(dir, 'stappen/nazorg.yaml', (d) => {
      const step = steps(d)[0];
      if (step) step.sources = [];
    });
    expect(messages(dir).some((m) => /steps\[0\]\.sources: minstens één bron/.test(m))).toBe(true);
  });

  it('fails on an empty phase', () => {
    const dir = fixture();
    rmSync(join(dir, 'stappen/nazorg.yaml'));
    expect(messages(dir).some((m) => m.includes('fase "nazorg" heeft geen stappen'))).toBe(true);
  });
});

describe('npm run content:check', () => {
  const run = (dir: string) => {
    try {
      const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/check-content.ts', dir], {
        cwd: REPO,
        encoding: 'utf8',
        stdio: 'pipe',
      });
      return { code: 0, output: stdout };
    } catch (e) {
      const err = e as { status: number; stdout: string; stderr: string };
      return { code: err.status, output: `${err.stdout}${err.stderr}` };
    }
  };

  it('exits 0 on the real content and non-zero with a Dutch message on broken content', () => {
    expect(run(CONTENT)).toMatchObject({ code: 0, output: expect.stringContaining('Inhoud in orde') });
    const dir = fixture();
    editYaml(dir, 'stappen/preventie.yaml', (d) => {
      const step = steps(d)[1];
      if (step) step.title = String(steps(d)[0]?.title);
    });
    const broken = run(dir);
    expect(broken.code).toBe(1);
    expect(broken.output).toMatch(/bevat \d+ fout\(en\):/);
    expect(broken.output).toMatch(/stappen\/preventie\.yaml:\d+ steps\[1\]\.title: dubbele staptitel/);
  }, 30_000);
});
