/**
 * npm run content:publish-ids [map]
 * Adds the ids in content/ that are not yet in content/published-ids.json, with their kind,
 * phase (steps) and current title. Existing entries are never changed or removed. Refuses to
 * run while the content has errors, so only checked content gets published.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileContent } from './content/compile-content.ts';
import { formatContentError } from './content/content-error.ts';
import {
  appendNewIds,
  checkDuplicateTitles,
  collectIdEntries,
  PUBLISHED_IDS_FILE,
  readPublishedIds,
  writePublishedIds,
} from './content/extra-checks.ts';
import { readContentDir } from './content/read-content.ts';

const contentDir = resolve(process.argv[2] ?? fileURLToPath(new URL('../content', import.meta.url)));
const read = readContentDir(contentDir);
const errors = [...read.errors, ...compileContent(read.files).errors, ...checkDuplicateTitles(read.files)];
const existing = readPublishedIds(contentDir);
// A missing list is fine here (first publication); a broken one is not.
const listBroken = existing.errors.some((e) => e.path !== '(bestand)');
if (listBroken) errors.push(...existing.errors);

if (errors.length > 0) {
  console.error(`Eerst de fouten oplossen; er is niets gepubliceerd. ${errors.length} fout(en):`);
  for (const error of errors) console.error(`  - ${formatContentError(error)}`);
  process.exit(1);
}

const { published, added } = appendNewIds(existing.published, collectIdEntries(read.files));
if (added.length === 0) {
  console.log(`Geen nieuwe id's. ${PUBLISHED_IDS_FILE} is niet gewijzigd.`);
} else {
  writePublishedIds(contentDir, published);
  console.log(`${added.length} nieuwe id('s) toegevoegd aan ${PUBLISHED_IDS_FILE}:`);
  for (const entry of added) console.log(`  + ${entry.kind} ${entry.id}`);
}
