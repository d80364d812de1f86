import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { parse, stringify } from 'yaml';
import { formatContentError } from '../../../scripts/content/content-error.ts';
import { PUBLISHED_IDS_FILE, type PublishedIds, runContentCheck } from '../../../scripts/content/extra-checks.ts';

/** Copies of the real content to break one thing in, removed after the test file. */

export const REPO = fileURLToPath(new URL('../../..', import.meta.url));
export const CONTENT = join(REPO, 'content');

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kader-content-'));
  tempDirs.push(dir);
  cpSync(CONTENT, dir, { recursive: true });
  return dir;
}

export type Data = Record<string, unknown> & { steps?: Record<string, unknown>[] };

export function editYaml(dir: string, file: string, edit: (data: Data) => void): void {
  const full = join(dir, file);
  const data = parse(readFileSync(full, 'utf8')) as Data;
  edit(data);
  writeFileSync(full, stringify(data));
}

export function editPublished(dir: string, edit: (data: PublishedIds) => void): void {
  const full = join(dir, PUBLISHED_IDS_FILE);
  const data = JSON.parse(readFileSync(full, 'utf8')) as PublishedIds;
  edit(data);
  writeFileSync(full, JSON.stringify(data, null, 2));
}

export const messages = (dir: string) => runContentCheck(dir).errors.map(formatContentError);
export const steps = (data: Data) => data.steps as Record<string, unknown>[];
export const list = (data: Data, key: string) => data[key] as Record<string, unknown>[];
