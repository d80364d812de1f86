import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildKader } from '../../../scripts/content/build-kader.ts';
import { compileContent } from '../../../scripts/content/compile-content.ts';
import { ContentValidationError } from '../../../scripts/content/content-error.ts';
import { parseContentFile, readContentDir } from '../../../scripts/content/read-content.ts';
import { CONTENT_DIR } from './content-dir.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the real content in a temp dir, with one file replaced or edited. */
function contentWith(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'hke-content-'));
  dirs.push(dir);
  cpSync(CONTENT_DIR, dir, { recursive: true });
  edit(dir);
  return dir;
}

function errorsOf(dir: string) {
  try {
    buildKader(dir);
  } catch (error) {
    if (error instanceof ContentValidationError) return error.errors;
    throw error;
  }
  return [];
}

function replaceIn(dir: string, file: string, from: string | RegExp, to: string) {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(path, after);
}

describe('the real content', () => {
  it('compiles into four phases with steps, each step sourced', () => {
    const kader = buildKader(CONTENT_DIR);
    expect(kader.phases.map((p) => p.id)).toEqual(['preventie', 'dreiging', 'direct-na', 'nazorg']);
    for (const phase of kader.phases) {
      expect(phase.steps.length).toBeGreaterThan(0);
      for (const step of phase.steps) {
        expect(step.sources.length).toBeGreaterThan(0);
        expect(step.phase).toBe(phase.id);
      }
    }
    expect(kader.contentHash).toMatch(/^[0-9a-f]{12}$/);
  });

  it('gives the same hash for the same content and another for changed content', () => {
    const a = buildKader(CONTENT_DIR).contentHash;
    const dir = contentWith((d) => replaceIn(d, 'kader.yaml', /purpose: (.*)/, 'purpose: $1 Extra zin.'));
    expect(buildKader(CONTENT_DIR).contentHash).toBe(a);
    expect(buildKader(dir).contentHash).not.toBe(a);
  });
});

describe('a content error names the file, the path inside it and the problem', () => {
  it('reports a step without a title with its file, path and line', () => {
    const dir = contentWith((d) => replaceIn(d, 'stappen/dreiging.yaml', /\n {4}title: .*/, ''));
    const errors = errorsOf(dir);
    const error = errors.find((e) => e.file === 'stappen/dreiging.yaml');
    expect(error).toBeDefined();
    expect(error?.path).toMatch(/^steps\[0\]/);
    expect(error?.line).toBeGreaterThan(0);
  });

  it('reports a reference to an instrument that does not exist', () => {
    const dir = contentWith((d) =>
      replaceIn(d, 'stappen/direct-na.yaml', /instruments: \[/, 'instruments: [bestaat-niet, '),
    );
    const errors = errorsOf(dir);
    expect(errors).toContainEqual(
      expect.objectContaining({ file: 'stappen/direct-na.yaml', message: 'onbekende instrument "bestaat-niet"' }),
    );
    expect(errors.find((e) => e.message.includes('bestaat-niet'))?.path).toMatch(/^steps\[\d+\]\.instruments\[0\]$/);
  });

  it('reports unknown sources, partners and considerations', () => {
    const dir = contentWith((d) => {
      replaceIn(d, 'stappen/nazorg.yaml', /sources: \[/, 'sources: [geen-bron, ');
      replaceIn(d, 'stappen/nazorg.yaml', /partners: \[/, 'partners: [geen-partner, ');
    });
    const messages = errorsOf(dir).map((e) => e.message);
    expect(messages).toContain('onbekende bron "geen-bron"');
    expect(messages).toContain('onbekende partner "geen-partner"');
  });

  it('reports a duplicate step id', () => {
    const files = readContentDir(CONTENT_DIR).files.map((f) => {
      if (f.file !== 'stappen/preventie.yaml') return f;
      const data = f.data as { steps: unknown[] };
      return { ...f, data: { ...data, steps: [...data.steps, data.steps[0]] } };
    });
    const { errors, kader } = compileContent(files);
    expect(kader).toBeUndefined();
    expect(errors.some((e) => e.file === 'stappen/preventie.yaml' && e.message.startsWith('dubbele id'))).toBe(true);
  });

  it('refuses national ids in the namespace of local layers (gm + CBS code)', () => {
    const files = readContentDir(CONTENT_DIR).files.map((f) => {
      if (f.file === 'stappen/preventie.yaml') {
        const data = f.data as { steps: { id: string }[] };
        return { ...f, data: { ...data, steps: [{ ...data.steps[0]!, id: 'preventie.gm0363-eigen-stap' }] } };
      }
      if (f.file === 'partners.yaml') {
        const data = f.data as { partners: { id: string }[] };
        return { ...f, data: { partners: [{ ...data.partners[0]!, id: 'gm0599-burgemeester' }, ...data.partners] } };
      }
      return f;
    });
    const { errors, kader } = compileContent(files);
    expect(kader).toBeUndefined();
    const local = errors.filter((e) => e.message.includes('lokale laag'));
    expect(local.map((e) => e.file).sort()).toEqual(['partners.yaml', 'stappen/preventie.yaml']);
    // A name merely containing the letters is national: only the prefix is reserved.
    const fine = readContentDir(CONTENT_DIR).files.map((f) => {
      if (f.file !== 'stappen/preventie.yaml') return f;
      const data = f.data as { steps: { id: string }[] };
      return {
        ...f,
        data: { ...data, steps: [{ ...data.steps[0]!, id: 'preventie.overleg-gm0363' }, ...data.steps.slice(1)] },
      };
    });
    expect(compileContent(fine).errors.filter((e) => e.message.includes('lokale laag'))).toEqual([]);
  });

  it('reports YAML that cannot be parsed, with its line', () => {
    const { errors } = parseContentFile('stappen/x.yaml', 'phase: dreiging\nsteps:\n  - id: "open\n');
    expect(errors[0]?.message).toMatch(/^YAML kan niet gelezen worden/);
    expect(errors[0]?.file).toBe('stappen/x.yaml');
  });

  it('reports a direct-na step without a time window and a wrong id prefix', () => {
    const dir = contentWith((d) => {
      replaceIn(d, 'stappen/direct-na.yaml', /\n {4}timeWindow: .*/, '');
      replaceIn(d, 'stappen/nazorg.yaml', /id: nazorg\./, 'id: preventie.');
    });
    const messages = errorsOf(dir).map((e) => e.message);
    expect(messages.some((m) => m.includes('heeft een timeWindow'))).toBe(true);
    expect(messages).toContain('id moet beginnen met "nazorg."');
  });

  it('reports an invalid ECLI number and an unknown file', () => {
    const dir = contentWith((d) => {
      replaceIn(d, 'instrumenten.yaml', /ecli: ECLI:NL:[A-Z]+:\d{4}:\d+/, 'ecli: ECLI-ongeldig');
      writeFileSync(join(d, 'losse-notities.yaml'), 'tekst: hallo\n');
    });
    const errors = errorsOf(dir);
    expect(errors.some((e) => e.file === 'instrumenten.yaml' && e.message === 'ongeldig ECLI-nummer')).toBe(true);
    expect(errors.some((e) => e.file === 'losse-notities.yaml' && e.message.startsWith('onbekend bestand'))).toBe(true);
  });

  it('reports an empty phase', () => {
    const dir = contentWith((d) => rmSync(join(d, 'stappen/nazorg.yaml')));
    expect(errorsOf(dir)).toContainEqual(expect.objectContaining({ message: 'fase "nazorg" heeft geen stappen' }));
  });

  it('fails the production build with the list of errors', async () => {
    const dir = contentWith((d) =>
      replaceIn(d, 'stappen/direct-na.yaml', /instruments: \[/, 'instruments: [bestaat-niet, '),
    );
    const { build } = await import('vite');
    const outDir = mkdtempSync(join(tmpdir(), 'hke-dist-'));
    dirs.push(outDir);
    process.env.KADER_CONTENT_DIR = dir;
    try {
      await expect(build({ logLevel: 'silent', build: { outDir, emptyOutDir: true } })).rejects.toThrow(
        /stappen\/direct-na\.yaml:\d+ steps\[\d+\]\.instruments\[0\]: onbekende instrument "bestaat-niet"/,
      );
    } finally {
      delete process.env.KADER_CONTENT_DIR;
    }
  }, 60_000);
});
