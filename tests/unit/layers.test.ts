import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The layer fence (biome.json, docs/architecture.md) as CI runs it: `biome lint` over a
 * small tree laid out like src/, with the project's own configuration. An import that
 * points up fails; one that points down passes.
 */

const root = mkdtempSync(join(tmpdir(), 'layers-'));
const config = JSON.parse(readFileSync('biome.json', 'utf8'));
// The probe tree is no git checkout, and its files need only the fence's rules.
config.vcs = { enabled: false };
config.files = { includes: ['**'] };
delete config.$schema;
afterAll(() => rmSync(root, { recursive: true, force: true }));

let probe = 0;
function lint(files: Record<string, string>): string {
  // Each probe is a tree of its own: the fence's folder patterns are relative to the configuration.
  const dir = join(root, `probe-${probe++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  try {
    execFileSync(join(process.cwd(), 'node_modules/.bin/biome'), ['lint', '--colors=off', '.'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return 'passes';
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return `${stdout}${stderr}`;
  }
}

const importer = (from: string) => `import { x } from '${from}';\nexport const y = x;\n`;
const exporter = 'export const x = 1;\n';

describe('the layer fence', () => {
  const upward: [string, string, string][] = [
    ['a floor (db) importing a feature', 'src/db/probe.ts', '../incidents/domain/fold.ts'],
    ['a floor (ui) importing content', 'src/ui/probe.tsx', '../content/labels.ts'],
    ['the model importing the database', 'src/model/probe.ts', '../db/database.ts'],
    ['content importing incidents', 'src/content/probe.ts', '../incidents/store/commands.ts'],
    ['incidents importing exchange', 'src/incidents/screens/probe.tsx', '../../exchange/screens/share-page.tsx'],
    ['a feature importing app', 'src/exchange/screens/probe.tsx', '../../app/routes.tsx'],
    ['pure domain code importing its store', 'src/incidents/domain/probe.ts', '../store/commands.ts'],
    ['the file format importing export code', 'src/exchange/format/probe.ts', '../export/export.ts'],
    ['pure domain code importing a content screen', 'src/incidents/domain/probe.ts', '../../content/step-page.tsx'],
    ['the file format importing the database', 'src/exchange/format/probe.ts', '../../db/database.ts'],
    ['the server importing the database of the app', 'server/http/probe.ts', '../../src/db/database.ts'],
    ['the lock importing incidents', 'src/lock/probe.ts', '../incidents/store/drafts.ts'],
    ['the lock importing content', 'src/lock/probe.tsx', '../content/kader-context.tsx'],
    ['incidents importing sync', 'src/incidents/screens/probe.tsx', '../../sync/screens/team-page.tsx'],
    ['exchange importing sync', 'src/exchange/import/probe.ts', '../../sync/store/sync-client.ts'],
    ['sync importing app', 'src/sync/screens/probe.tsx', '../../app/routes.tsx'],
    ['sync importing the import code', 'src/sync/store/probe.ts', '../../exchange/import/read-import.ts'],
    ['pure sync domain code importing its store', 'src/sync/domain/probe.ts', '../store/sync-client.ts'],
    ['content importing the local layer', 'src/content/probe.ts', '../local/domain/overlay.ts'],
    ['incidents importing the local layer', 'src/incidents/store/probe.ts', '../../local/store/local-store.ts'],
    ['exchange importing the local layer', 'src/exchange/import/probe.ts', '../../local/format/schema.ts'],
    ['the local layer importing sync', 'src/local/store/probe.ts', '../../sync/store/api.ts'],
    ['the local layer importing app', 'src/local/store/probe.ts', '../../app/routes.tsx'],
    ['pure local domain code importing its store', 'src/local/domain/probe.ts', '../store/local-store.ts'],
    [
      'pure local domain code importing import code',
      'src/local/domain/probe.ts',
      '../../exchange/import/read-import.ts',
    ],
    ['the local file format importing its domain', 'src/local/format/probe.ts', '../domain/overlay.ts'],
    ['the local store importing a screen', 'src/local/store/probe.ts', '../screens/local-page.tsx'],
  ];
  for (const [name, file, target] of upward) {
    it(`refuses ${name}`, () => {
      const output = lint({ [file]: importer(target) });
      expect(output).toContain('noRestrictedImports');
    });
  }

  it('refuses React or Dexie in the pure domain', () => {
    expect(lint({ 'src/incidents/domain/probe.ts': importer('dexie') })).toContain('noRestrictedImports');
    expect(lint({ 'src/model/probe.ts': importer('react') })).toContain('noRestrictedImports');
    expect(lint({ 'src/sync/domain/probe.ts': importer('dexie') })).toContain('noRestrictedImports');
    expect(lint({ 'src/sync/store/probe.ts': importer('react') })).toContain('noRestrictedImports');
  });

  it('refuses React or Dexie in the local layer’s domain and format, and React in its store', () => {
    expect(lint({ 'src/local/domain/probe.ts': importer('dexie') })).toContain('noRestrictedImports');
    expect(lint({ 'src/local/domain/probe.ts': importer('react') })).toContain('noRestrictedImports');
    expect(lint({ 'src/local/format/probe.ts': importer('dexie') })).toContain('noRestrictedImports');
    expect(lint({ 'src/local/store/probe.ts': importer('react') })).toContain('noRestrictedImports');
  });

  it('refuses an import cycle', () => {
    const output = lint({
      'src/model/a.ts': `import { b } from './b.ts';\nexport const a = () => b;\n`,
      'src/model/b.ts': `import { a } from './a.ts';\nexport const b = () => a;\n`,
    });
    expect(output).toContain('noImportCycles');
  });

  it('lets imports point down', () => {
    expect(
      lint({
        'src/model/vocabulary.ts': exporter,
        'src/db/probe.ts': importer('../model/vocabulary.ts'),
        'src/content/labels.ts': exporter,
        'src/incidents/domain/probe.ts': importer('../../content/labels.ts'),
        'src/exchange/export/probe.ts': importer('../../incidents/domain/probe.ts'),
        'src/app/probe.tsx': importer('../exchange/export/probe.ts'),
        'src/lock/probe.ts': importer('../db/vocabulary-probe.ts'),
        'src/db/vocabulary-probe.ts': importer('../model/vocabulary.ts'),
        'src/exchange/format/schema.ts': exporter,
        'src/sync/domain/probe.ts': importer('../../exchange/format/schema.ts'),
        'src/sync/store/probe.ts': importer('../../incidents/domain/probe.ts'),
        'src/app/sync-probe.tsx': importer('../sync/store/probe.ts'),
        'src/exchange/export/personal-data.ts': exporter,
        'src/local/format/schema.ts': importer('../../exchange/format/schema.ts'),
        'src/local/domain/probe.ts': importer('../../exchange/export/personal-data.ts'),
        'src/local/domain/overlay.ts': importer('../format/schema.ts'),
        'src/local/store/probe.ts': importer('../../exchange/export/probe.ts'),
        'src/local/store/local-store.ts': importer('../domain/overlay.ts'),
        'src/sync/store/local-probe.ts': importer('../../local/store/local-store.ts'),
        'src/app/local-probe.tsx': importer('../local/store/local-store.ts'),
      }),
    ).toBe('passes');
  });
});
