import type { DecisionOutcome, IncidentKind, StepStatus } from '../../model/events.ts';

export const INCIDENT_KIND_LABEL: Record<IncidentKind, string> = {
  explosie: 'Explosie',
  poging: 'Poging',
  'aangetroffen-explosief': 'Aangetroffen explosief',
  dreiging: 'Dreiging',
};

export const STEP_STATUS_LABEL: Record<StepStatus, string> = {
  open: 'Open',
  gedaan: 'Gedaan',
  nvt: 'N.v.t.',
  later: 'Later',
};

export const OUTCOME_LABEL: Record<DecisionOutcome, string> = {
  genomen: 'Genomen',
  'niet-genomen': 'Overwogen, niet genomen',
};

/** A step id this content does not have: from a file or colleague on a newer version of the framework. */
export const unknownStepTitle = (stepId: string) => `Onbekende stap (nieuwere versie van het kader): ${stepId}`;
