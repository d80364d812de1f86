import type { ContactInput, StepInput } from '../domain/validate-input.ts';
import { editLocalLayer, type LocalWriteContext, type LocalWriteResult } from './local-store.ts';

/**
 * The editor's commands, one per thing the adviser does under "Lokaal". Each raises the
 * layer's revision by one and appends its change (who, when, what) in the same transaction.
 */

export const setLocalMunicipality = (code: string, name: string, context: LocalWriteContext) =>
  editLocalLayer({ type: 'municipality', code, name }, context);

export const saveLocalContact = (contact: ContactInput, context: LocalWriteContext): Promise<LocalWriteResult> =>
  editLocalLayer({ type: 'contact.save', contact }, context);

export const removeLocalContact = (id: string, context: LocalWriteContext) =>
  editLocalLayer({ type: 'contact.remove', id }, context);

export const saveLocalStep = (step: StepInput, context: LocalWriteContext) =>
  editLocalLayer({ type: 'step.save', step }, context);

export const removeLocalStep = (id: string, context: LocalWriteContext) =>
  editLocalLayer({ type: 'step.remove', id }, context);

/** Records the hash of today's national text of the step or instrument, to flag a later national change. */
export const saveLocalAnnotation = (
  annotation: { targetId: string; note: string; contacts?: string[] },
  context: LocalWriteContext,
) =>
  editLocalLayer(
    {
      type: 'annotation.save',
      targetId: annotation.targetId,
      note: annotation.note,
      contacts: annotation.contacts ?? [],
    },
    context,
  );

export const removeLocalAnnotation = (targetId: string, context: LocalWriteContext) =>
  editLocalLayer({ type: 'annotation.remove', targetId }, context);

export const setNotApplicable = (stepId: string, reason: string, context: LocalWriteContext) =>
  editLocalLayer({ type: 'not-applicable.set', stepId, reason }, context);

export const clearNotApplicable = (stepId: string, context: LocalWriteContext) =>
  editLocalLayer({ type: 'not-applicable.clear', stepId }, context);
