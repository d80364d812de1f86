import type { LocalChange, LocalLayer, LocalStep } from '../../model/local-layer.ts';
import { localStepId, MUNICIPALITY_CODE_PATTERN } from '../../model/local-layer.ts';
import { LOCAL_LIMITS } from '../format/rules.ts';
import { refuse } from './local-layer-error.ts';
import { requireText } from './validate-input.ts';

/** Whose layer it is: the municipality's name and CBS code, which every local id carries. */

export function emptyLocalLayer(municipalityCode: string, municipality: string): LocalLayer {
  return {
    municipalityCode,
    municipality,
    revision: 0,
    contacts: [],
    steps: [],
    annotations: [],
    notApplicable: [],
    origins: [],
  };
}

export const NO_MUNICIPALITY =
  'Vul eerst onder Lokaal de naam en de CBS-code van uw gemeente in; lokale stappen en contacten dragen die code.';

export function setMunicipality(
  before: LocalLayer | undefined,
  edit: { code: string; name: string },
  actor: string,
  at: string,
) {
  const code = String(edit.code ?? '')
    .trim()
    .toLowerCase()
    .replace(/^(\d{4})$/, 'gm$1');
  if (!MUNICIPALITY_CODE_PATTERN.test(code))
    throw refuse('De CBS-code van een gemeente is "gm" met vier cijfers, bijvoorbeeld gm0363 voor Amsterdam.');
  const name = requireText(edit.name, 'de naam van de gemeente', LOCAL_LIMITS.name);
  if (before && before.municipalityCode !== code && (before.steps.length > 0 || before.contacts.length > 0))
    throw refuse(
      `De code kan niet meer wijzigen: lokale stappen en contacten dragen de code ${before.municipalityCode} in hun id, ook in incidenten. Exporteer de laag en importeer hem als kopie onder de nieuwe code.`,
    );
  const layer = { ...(before ?? emptyLocalLayer(code, name)), municipalityCode: code, municipality: name };
  const revision = (before?.revision ?? 0) + 1;
  const change: LocalChange = {
    revision,
    at,
    actor,
    kind: 'gemeente',
    action: 'opgeslagen',
    targetId: code,
    summary: `Gemeente ingesteld: ${name} (${code})`,
    ...(before ? { before: { code: before.municipalityCode, name: before.municipality } } : {}),
    after: { code, name },
  };
  return { layer: { ...layer, revision }, change };
}

/**
 * A new local step's id: `direct-na.gm0363-stap-<ulid>`. Opaque on purpose: an id travels where its
 * title does not (the file "voor andere gemeenten" and anonymised incident exports keep step ids),
 * so an id made from a title such as "Bel Jan Jansen" would carry the name along.
 */
export function newStepId(layer: LocalLayer, phase: LocalStep['phase'], newId: () => string): string {
  const taken = new Set(layer.steps.map((s) => s.id));
  let id = localStepId(phase, layer.municipalityCode, `stap-${newId()}`);
  while (taken.has(id)) id = localStepId(phase, layer.municipalityCode, `stap-${newId()}`);
  return id;
}
