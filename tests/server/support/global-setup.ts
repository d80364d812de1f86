import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startCluster } from '../../../server/bench/pg-cluster.ts';
import { openDatabase } from '../../../server/store/open-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres:// URL of the throwaway cluster's maintenance database. */
    pgUrl: string;
    /** A migrated PGlite data folder: tests copy it (opening a copy takes ~1 s, creating one ~8 s). */
    pgliteTemplate: string;
  }
}

/** One PostgreSQL cluster and one PGlite template for the whole server project. */
export default async function setup(project: TestProject) {
  const cluster = await startCluster();
  const templateDir = mkdtempSync(join(tmpdir(), 'hk-pglite-'));
  const template = join(templateDir, 'data');
  const db = await openDatabase({ dataDir: template });
  await db.close();
  project.provide('pgUrl', cluster.url());
  project.provide('pgliteTemplate', template);
  return () => {
    cluster.remove();
    rmSync(templateDir, { recursive: true, force: true });
  };
}

export function copyTemplate(template: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'hk-pglite-'));
  cpSync(template, join(dir, 'data'), { recursive: true });
  return join(dir, 'data');
}
