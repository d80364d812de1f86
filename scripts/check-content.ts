/**
 * npm run content:check [map]
 * Checks the content in content/ (or the given directory): the compiler (schema, references,
 * unused entries, empty phases) plus the extra checks (duplicate titles, published ids).
 * Prints every problem in Dutch with file, line and path, and exits with code 1 when there is any.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatContentError } from './content/content-error.ts';
import { runContentCheck } from './content/extra-checks.ts';

const contentDir = resolve(process.argv[2] ?? fileURLToPath(new URL('../content', import.meta.url)));
const { errors, kader } = runContentCheck(contentDir);

if (errors.length > 0 || !kader) {
  console.error(`De inhoud in ${contentDir} bevat ${errors.length} fout(en):`);
  for (const error of errors) console.error(`  - ${formatContentError(error)}`);
  process.exit(1);
}

const steps = kader.phases.reduce((n, p) => n + p.steps.length, 0);
console.log(
  `Inhoud in orde (versie ${kader.version}): ${steps} stappen (${kader.phases.map((p) => `${p.shortTitle} ${p.steps.length}`).join(', ')}), ` +
    `${kader.instruments.length} instrumenten, ${kader.partners.length} partners, ` +
    `${kader.considerations.length} afwegingen, ${kader.sources.length} bronnen, ${kader.glossary.length} begrippen, ` +
    `${kader.changelog.length} versie(s) in de lijst met wijzigingen.`,
);
