import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  changelogFileSchema,
  considerationsFileSchema,
  glossaryFileSchema,
  instrumentsFileSchema,
  type Kader,
  type KaderStep,
  metaFileSchema,
  PHASE_IDS,
  partnersFileSchema,
  sourcesFileSchema,
  stepsFileSchema,
} from '../../src/content/schema.ts';
import { type ContentError, formatPath } from './content-error.ts';
import type { ContentFile } from './read-content.ts';
import { checkChangelog, checkFormalAddress, checkReviewStatus } from './trust-checks.ts';

/**
 * Names starting with "gm" and a CBS municipality code belong to the municipalities' local layers
 * (src/model/local-layer.ts: `direct-na.gm0363-…`). A national id there could collide with a local one.
 */
const LOCAL_NAMESPACE = /^gm\d{4}/;
const LOCAL_NAMESPACE_MESSAGE =
  'een landelijke id mag niet beginnen met "gm" en vier cijfers: die namen zijn voor de lokale laag van gemeenten';

type Parsed<S extends z.ZodType> = { file: ContentFile; value: z.output<S> };

function validate<S extends z.ZodType>(file: ContentFile, schema: S, errors: ContentError[]): Parsed<S> | undefined {
  const result = schema.safeParse(file.data);
  if (result.success) return { file, value: result.data };
  for (const issue of result.error.issues) {
    errors.push({
      file: file.file,
      path: formatPath(issue.path),
      line: file.lineOf(issue.path),
      message: issue.message,
    });
  }
  return undefined;
}

const SINGLE_FILES = {
  'kader.yaml': metaFileSchema,
  'instrumenten.yaml': instrumentsFileSchema,
  'partners.yaml': partnersFileSchema,
  'afwegingen.yaml': considerationsFileSchema,
  'bronnen.yaml': sourcesFileSchema,
  'begrippen.yaml': glossaryFileSchema,
  'changelog.yaml': changelogFileSchema,
} as const;

/**
 * Turns the parsed content files into the published framework, or a list of errors that
 * each name the file, the path inside it and the problem. Pure apart from hashing.
 */
export function compileContent(files: readonly ContentFile[]): { kader?: Kader; errors: ContentError[] } {
  const errors: ContentError[] = [];
  const byName = new Map(files.map((f) => [f.file, f]));
  const at = (file: ContentFile, path: PropertyKey[], message: string) =>
    errors.push({ file: file.file, path: formatPath(path), line: file.lineOf(path), message });

  for (const name of Object.keys(SINGLE_FILES)) {
    if (!byName.has(name)) errors.push({ file: name, path: '(bestand)', message: 'bestand ontbreekt' });
  }
  for (const f of files) {
    if (!(f.file in SINGLE_FILES) && !/^stappen\/[a-z-]+\.yaml$/.test(f.file)) {
      at(f, [], `onbekend bestand: verwacht ${Object.keys(SINGLE_FILES).join(', ')} of stappen/<fase>.yaml`);
    }
  }
  const parseFile = <S extends z.ZodType>(name: keyof typeof SINGLE_FILES, schema: S) => {
    const file = byName.get(name);
    return file ? validate(file, schema, errors) : undefined;
  };
  const meta = parseFile('kader.yaml', metaFileSchema);
  const instruments = parseFile('instrumenten.yaml', instrumentsFileSchema);
  const partners = parseFile('partners.yaml', partnersFileSchema);
  const considerations = parseFile('afwegingen.yaml', considerationsFileSchema);
  const sources = parseFile('bronnen.yaml', sourcesFileSchema);
  const glossary = parseFile('begrippen.yaml', glossaryFileSchema);
  const changelog = parseFile('changelog.yaml', changelogFileSchema);
  checkFormalAddress(errors, files);
  const stepFiles = files
    .filter((f) => f.file.startsWith('stappen/'))
    .map((f) => validate(f, stepsFileSchema, errors))
    .filter((f): f is Parsed<typeof stepsFileSchema> => f !== undefined);

  // Duplicate ids within each catalogue.
  const indexIds = <T extends { id: string }>(parsed: Parsed<z.ZodType> | undefined, list: T[], key: string) => {
    const ids = new Set<string>();
    list.forEach((item, i) => {
      if (ids.has(item.id) && parsed) at(parsed.file, [key, i, 'id'], `dubbele id "${item.id}"`);
      if (LOCAL_NAMESPACE.test(item.id) && parsed) at(parsed.file, [key, i, 'id'], LOCAL_NAMESPACE_MESSAGE);
      ids.add(item.id);
    });
    return ids;
  };
  const sourceIds = indexIds(sources, sources?.value.sources ?? [], 'sources');
  const instrumentIds = indexIds(instruments, instruments?.value.instruments ?? [], 'instruments');
  const partnerIds = indexIds(partners, partners?.value.partners ?? [], 'partners');
  const considerationIds = indexIds(considerations, considerations?.value.considerations ?? [], 'considerations');
  indexIds(glossary, glossary?.value.terms ?? [], 'terms');

  const used = {
    sources: new Set<string>(),
    instruments: new Set<string>(),
    partners: new Set<string>(),
    considerations: new Set<string>(),
  };
  const checkRefs = (
    file: ContentFile,
    path: PropertyKey[],
    refs: string[],
    known: Set<string>,
    kind: keyof typeof used,
    label: string,
  ) => {
    refs.forEach((ref, i) => {
      used[kind].add(ref);
      if (!known.has(ref)) at(file, [...path, i], `onbekende ${label} "${ref}"`);
    });
  };

  if (considerations) {
    considerations.value.considerations.forEach((c, i) => {
      checkRefs(considerations.file, ['considerations', i, 'sources'], c.sources, sourceIds, 'sources', 'bron');
    });
  }
  if (glossary) {
    glossary.value.terms.forEach((t, i) => {
      checkRefs(glossary.file, ['terms', i, 'sources'], t.sources, sourceIds, 'sources', 'bron');
    });
  }
  if (partners) {
    partners.value.partners.forEach((p, i) => {
      checkRefs(partners.file, ['partners', i, 'sources'], p.sources, sourceIds, 'sources', 'bron');
    });
  }
  if (instruments) {
    instruments.value.instruments.forEach((ins, i) => {
      const f = instruments.file;
      checkRefs(f, ['instruments', i, 'sources'], ins.sources, sourceIds, 'sources', 'bron');
      checkRefs(
        f,
        ['instruments', i, 'considerations'],
        ins.considerations,
        considerationIds,
        'considerations',
        'afweging',
      );
      ins.caseLaw.forEach((c, j) => {
        checkRefs(f, ['instruments', i, 'caseLaw', j, 'sources'], c.sources, sourceIds, 'sources', 'bron');
      });
    });
  }

  const stepsByPhase = new Map<string, KaderStep[]>();
  const stepIds = new Set<string>();
  const phaseFiles = new Set<string>();
  for (const { file, value } of stepFiles) {
    if (file.file !== `stappen/${value.phase}.yaml`)
      at(file, ['phase'], `fase "${value.phase}" hoort in stappen/${value.phase}.yaml`);
    if (phaseFiles.has(value.phase)) at(file, ['phase'], `fase "${value.phase}" staat in meer dan één bestand`);
    phaseFiles.add(value.phase);
    const steps: KaderStep[] = [];
    value.steps.forEach((step, i) => {
      const path = ['steps', i];
      if (stepIds.has(step.id)) at(file, [...path, 'id'], `dubbele id "${step.id}"`);
      stepIds.add(step.id);
      if (!step.id.startsWith(`${value.phase}.`)) at(file, [...path, 'id'], `id moet beginnen met "${value.phase}."`);
      if (LOCAL_NAMESPACE.test(step.id.slice(step.id.indexOf('.') + 1)))
        at(file, [...path, 'id'], LOCAL_NAMESPACE_MESSAGE);
      if (value.phase === 'direct-na' && !step.timeWindow)
        at(file, path, 'een stap direct na een incident heeft een timeWindow (eerste-uur, eerste-dag of eerste-week)');
      if (value.phase !== 'direct-na' && step.timeWindow)
        at(file, [...path, 'timeWindow'], 'timeWindow hoort alleen bij fase direct-na');
      checkRefs(file, [...path, 'sources'], step.sources, sourceIds, 'sources', 'bron');
      checkRefs(file, [...path, 'instruments'], step.instruments, instrumentIds, 'instruments', 'instrument');
      checkRefs(file, [...path, 'partners'], step.partners, partnerIds, 'partners', 'partner');
      checkRefs(file, [...path, 'considerations'], step.considerations, considerationIds, 'considerations', 'afweging');
      steps.push({ ...step, phase: value.phase });
    });
    stepsByPhase.set(value.phase, steps);
  }
  checkReviewStatus(
    at,
    {
      steps: stepFiles.map((f) => ({ file: f.file, steps: f.value.steps })),
      instruments: instruments?.file,
      partners: partners?.file,
    },
    instruments?.value.instruments ?? [],
    partners?.value.partners ?? [],
  );
  if (changelog)
    checkChangelog(at, changelog.file, changelog.value.versions, meta?.value.version, stepIds, instrumentIds);
  for (const phase of PHASE_IDS) {
    if (!phaseFiles.has(phase))
      errors.push({ file: `stappen/${phase}.yaml`, path: '(bestand)', message: `fase "${phase}" heeft geen stappen` });
  }

  // Unused catalogue entries are mistakes too: a partner nobody calls, a source nothing cites.
  const reportUnused = (
    parsed: Parsed<z.ZodType> | undefined,
    list: { id: string }[],
    key: string,
    kind: keyof typeof used,
    label: string,
  ) => {
    list.forEach((item, i) => {
      if (!used[kind].has(item.id) && parsed)
        at(parsed.file, [key, i, 'id'], `${label} "${item.id}" wordt nergens gebruikt`);
    });
  };
  if (errors.length === 0) {
    reportUnused(sources, sources?.value.sources ?? [], 'sources', 'sources', 'bron');
    reportUnused(instruments, instruments?.value.instruments ?? [], 'instruments', 'instruments', 'instrument');
    reportUnused(partners, partners?.value.partners ?? [], 'partners', 'partners', 'partner');
    reportUnused(
      considerations,
      considerations?.value.considerations ?? [],
      'considerations',
      'considerations',
      'afweging',
    );
  }

  if (errors.length > 0 || !meta || !instruments || !partners || !considerations || !sources || !glossary || !changelog)
    return { errors };

  const body = {
    phases: meta.value.phases.map((p) => ({ ...p, steps: stepsByPhase.get(p.id) ?? [] })),
    instruments: instruments.value.instruments,
    partners: partners.value.partners,
    considerations: considerations.value.considerations,
    sources: sources.value.sources,
    glossary: glossary.value.terms,
    changelog: changelog.value.versions,
  };
  const contentHash = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 12);
  return {
    errors,
    kader: {
      format: 'handelingskader-kader',
      version: meta.value.version,
      contentHash,
      title: meta.value.title,
      publisher: meta.value.publisher,
      disclaimer: meta.value.disclaimer,
      ...body,
    },
  };
}
