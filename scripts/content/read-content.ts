import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { ContentError } from './content-error.ts';

/** One parsed content file, with enough of the YAML document kept to point at lines. */
export interface ContentFile {
  file: string;
  data: unknown;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export function parseContentFile(file: string, source: string): { file?: ContentFile; errors: ContentError[] } {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => ({
        file,
        path: '(yaml)',
        line: e.linePos?.[0]?.line,
        message: `YAML kan niet gelezen worden: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  return {
    errors: [],
    file: {
      file,
      data: doc.toJS(),
      lineOf(path) {
        // Walk up until a node exists: a missing key points at its parent.
        for (let n = path.length; n >= 0; n--) {
          const node = doc.getIn(path.slice(0, n) as unknown[], true) as
            | { range?: [number, number, number] }
            | undefined;
          if (node?.range) return lineCounter.linePos(node.range[0]).line;
        }
        return undefined;
      },
    },
  };
}

/** Reads every .yaml file under the content directory, sorted for deterministic output. */
export function readContentDir(dir: string): { files: ContentFile[]; errors: ContentError[] } {
  const files: ContentFile[] = [];
  const errors: ContentError[] = [];
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((entry) => {
      const full = join(d, entry.name);
      if (entry.isDirectory()) return walk(full);
      return entry.name.endsWith('.yaml') ? [full] : [];
    });
  for (const full of walk(dir).sort()) {
    const rel = relative(dir, full).split('\\').join('/');
    const parsed = parseContentFile(rel, readFileSync(full, 'utf8'));
    errors.push(...parsed.errors);
    if (parsed.file) files.push(parsed.file);
  }
  return { files, errors };
}
