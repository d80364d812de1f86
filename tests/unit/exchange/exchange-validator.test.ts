import { beforeAll, describe, expect, it } from 'vitest';
import { exportIncidents, serialiseExport } from '../../../src/exchange/export/export.ts';
import { validate } from '../../../src/exchange/format/generated/exchange-validator.js';
import { permissiveExchangeFileSchema } from '../../../src/exchange/format/schema.ts';
import { freshDatabase, realKader } from '../incidents/helpers.ts';
import { prng } from '../support/prng.ts';
import { runRandomHistory } from '../support/random-history.ts';

/**
 * The importer validates with code generated from the published JSON Schema, while
 * format.ts (zod) is where the format is described. Both must give the same answer:
 * the same files accepted, and the same value after unknown keys are stripped.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

let files: string[] = [];

beforeAll(async () => {
  files = [];
  for (const seed of [3, 8, 21]) {
    const db = freshDatabase();
    await runRandomHistory(db, seed, { steps: 40, clock: 'wobbly' });
    // With the framework content, so the summaries carry a progress record per phase.
    files.push(serialiseExport(await exportIncidents(db, { incidentIds: 'all', kader: realKader() })));
    files.push(serialiseExport(await exportIncidents(db, { incidentIds: 'all', anonymise: {} })));
  }
}, 30_000);

function paths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (prefix.length > 0) out.push(prefix);
  if (typeof value !== 'object' || value === null) return out;
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : Object.entries(value);
  for (const [key, child] of entries) paths(child, [...prefix, key], out);
  return out;
}

function parentOf(root: Json, path: Path): { parent: Record<string | number, Json>; key: string | number } {
  let parent = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  return { parent, key: path.at(-1)! };
}

/** Values that sit at the edges of what the format allows. */
const REPLACEMENTS: Json[] = [
  null,
  true,
  0,
  -1,
  1.5,
  '',
  'x',
  'a'.repeat(201),
  // Both count code points: 200 emoji (400 UTF-16 units) fit a 200 limit, 201 do not.
  '😀'.repeat(200),
  '😀'.repeat(201),
  '😀'.repeat(40),
  '😀'.repeat(41),
  'ongeldige id!',
  '2026-02-30T10:00:00.000Z',
  '2026-02-28T10:00:00.000Z',
  '2026-02-28',
  '2026-13-01',
  '2026-02-28 25:00',
  '2026-02-28T10:00:00Z',
  'step.note-added',
  'genomen',
  'gesloten',
  [],
  {},
  { onbekend: 1 },
];

function mutations(text: string, random: ReturnType<typeof prng>, count: number): { name: string; value: Json }[] {
  const base = JSON.parse(text) as Json;
  const all = paths(base);
  const out: { name: string; value: Json }[] = [];
  for (let i = 0; i < count; i++) {
    const path = random.pick(all);
    const value = JSON.parse(text) as Json;
    const { parent, key } = parentOf(value, path);
    const roll = random.int(3);
    let name: string;
    if (roll === 0) {
      const replacement = random.pick(REPLACEMENTS);
      parent[key] = replacement;
      name = `${path.join('.')} = ${JSON.stringify(replacement).slice(0, 30)}`;
    } else if (roll === 1) {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      name = `without ${path.join('.')}`;
    } else {
      const target = parent[key];
      if (typeof target === 'object' && target !== null && !Array.isArray(target)) target.extra = 'onbekend veld';
      name = `extra key in ${path.join('.')}`;
    }
    out.push({ name, value });
  }
  return out;
}

describe('the generated import validator', () => {
  it('accepts the files this app writes and leaves them as zod reads them', () => {
    for (const text of files) {
      const viaValidator = JSON.parse(text);
      expect(validate(viaValidator), JSON.stringify(validate.errors)).toBe(true);
      expect(viaValidator).toEqual(permissiveExchangeFileSchema.parse(JSON.parse(text)));
    }
  });

  it('agrees with zod on 1,200 changed files: the same ones refused, the same values kept', () => {
    const random = prng(99);
    let refused = 0;
    let accepted = 0;
    for (const text of files) {
      for (const { name, value } of mutations(text, random, 200)) {
        const zod = permissiveExchangeFileSchema.safeParse(structuredClone(value));
        const copy = structuredClone(value);
        const ok = validate(copy);
        expect(ok, `${name}: ${JSON.stringify(validate.errors?.[0])} / ${zod.error?.issues[0]?.message}`).toBe(
          zod.success,
        );
        if (zod.success) {
          accepted += 1;
          expect(copy, name).toEqual(zod.data);
        } else refused += 1;
      }
    }
    // Both kinds occur, or the comparison would prove little.
    expect(refused).toBeGreaterThan(300);
    expect(accepted).toBeGreaterThan(100);
  }, 60_000);
});
