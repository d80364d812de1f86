import type { Kader } from '../../content/schema.ts';
import type { Decision } from './incident-state.ts';

/**
 * The one step a decision belongs to, so it is counted once: the step it was recorded
 * at, or (recorded from the logbook) the first step that offers its instrument. Other
 * steps with the same instrument link to it instead of counting it again.
 */
export function homeStepOf(
  decision: Pick<Decision, 'stepId' | 'instrumentId'>,
  kader: Pick<Kader, 'phases'>,
): string | undefined {
  if (decision.stepId) return decision.stepId;
  for (const phase of kader.phases) {
    for (const step of phase.steps) if (step.instruments.includes(decision.instrumentId)) return step.id;
  }
  return undefined;
}
