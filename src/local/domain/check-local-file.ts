import { municipalityCodeOfStepId } from '../../model/local-layer.ts';
import type { LocalFile } from '../format/types.ts';

/**
 * The rules of a `handelingskader-lokaal` file that a JSON Schema cannot say, checked after
 * the generated validator: ids unique and in the layer's own namespace, references that
 * resolve, and a file "voor andere gemeenten" that holds nothing internal. Returns a Dutch
 * sentence for the first problem, or undefined.
 */
export function checkLocalFile(file: LocalFile): string | undefined {
  const { layer } = file;
  const code = layer.municipalityCode;
  const contactIds = new Set<string>();
  for (const contact of layer.contacts) {
    if (contactIds.has(contact.id)) return `Het contact ${contact.id} staat twee keer in het bestand.`;
    contactIds.add(contact.id);
    if (!contact.id.startsWith(`${code}-`))
      return `Het contact ${contact.id} hoort niet bij gemeente ${code}: het bestand is mogelijk gewijzigd.`;
    if (file.shared && contact.visibility === 'intern')
      return 'Dit bestand voor andere gemeenten bevat toch een intern contact: het is mogelijk gewijzigd.';
    if (file.shared && contact.person && (contact.phones.length > 0 || contact.email))
      return 'Dit bestand voor andere gemeenten bevat toch het nummer of adres van een persoon: het is mogelijk gewijzigd.';
  }
  const stepIds = new Set<string>();
  for (const step of layer.steps) {
    if (stepIds.has(step.id)) return `De lokale stap ${step.id} staat twee keer in het bestand.`;
    stepIds.add(step.id);
    if (municipalityCodeOfStepId(step.id) !== code || !step.id.startsWith(`${step.phase}.`))
      return `De lokale stap ${step.id} hoort niet bij gemeente ${code} of niet bij fase ${step.phase}.`;
    if (step.after === step.id) return `De lokale stap ${step.id} staat na zichzelf.`;
    if (step.timeWindow && step.phase !== 'direct-na')
      return `De lokale stap ${step.id} heeft een tijdvenster, maar dat hoort alleen bij de fase direct na het incident.`;
  }
  const targets = new Set<string>();
  for (const annotation of layer.annotations) {
    if (targets.has(annotation.targetId)) return `Er staan twee aanvullingen bij ${annotation.targetId}.`;
    targets.add(annotation.targetId);
  }
  const marks = new Set<string>();
  for (const mark of layer.notApplicable) {
    if (marks.has(mark.stepId)) return `De stap ${mark.stepId} is twee keer als niet van toepassing gemarkeerd.`;
    marks.add(mark.stepId);
  }
  const unknown = [...layer.steps.flatMap((s) => s.contacts), ...layer.annotations.flatMap((a) => a.contacts)].find(
    (id) => !contactIds.has(id),
  );
  if (unknown) return `Het bestand verwijst naar een contact dat er niet in staat (${unknown}).`;
  return undefined;
}
