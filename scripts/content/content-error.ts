export interface ContentError {
  /** Path relative to the content directory, e.g. `stappen/dreiging.yaml`. */
  file: string;
  /** Path inside the file, e.g. `steps[3].instruments[0]`. */
  path: string;
  /** 1-based line in the file, when known. */
  line?: number;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(bestand)';
}

export function formatContentError(error: ContentError): string {
  const where = error.line ? `${error.file}:${error.line}` : error.file;
  return `${where} ${error.path}: ${error.message}`;
}

export class ContentValidationError extends Error {
  constructor(readonly errors: readonly ContentError[]) {
    super(
      `De inhoud bevat ${errors.length} fout(en):\n${errors.map((e) => `  - ${formatContentError(e)}`).join('\n')}`,
    );
    this.name = 'ContentValidationError';
  }
}
