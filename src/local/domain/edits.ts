import type { Kader } from '../../content/schema.ts';
import type { LocalChange, LocalContact, LocalLayer, LocalStep } from '../../model/local-layer.ts';
import { LOCAL_LIMITS } from '../format/rules.ts';
import { refuse } from './local-layer-error.ts';
import { NO_MUNICIPALITY, newStepId, setMunicipality } from './municipality.ts';
import { nationalTextHashes } from './national-text.ts';
import {
  type ContactInput,
  requireText,
  type StepInput,
  validateContact,
  validateNote,
  validateReason,
  validateStep,
} from './validate-input.ts';

/**
 * The editor's changes as pure functions: the layer before and one edit give the layer after
 * and the change to append to its history. The store runs them inside one transaction with
 * the read of the layer, so two tabs editing at once each build on the other's result.
 */
export type LocalEdit =
  | { type: 'municipality'; code: string; name: string }
  | { type: 'contact.save'; contact: ContactInput }
  | { type: 'contact.remove'; id: string }
  | { type: 'step.save'; step: StepInput }
  | { type: 'step.remove'; id: string }
  | { type: 'annotation.save'; targetId: string; note: string; contacts: string[] }
  | { type: 'annotation.remove'; targetId: string }
  | { type: 'not-applicable.set'; stepId: string; reason: string }
  | { type: 'not-applicable.clear'; stepId: string };

export interface EditContext {
  actor: string;
  /** ISO time of the change. */
  at: string;
  /** The national framework: annotations record the hash of its text, steps are placed in it. */
  national: Kader;
  /** A fresh unique suffix for a new contact or step id (lowercase letters and digits). */
  newId: () => string;
}

export function applyLocalEdit(
  before: LocalLayer | undefined,
  edit: LocalEdit,
  context: EditContext,
): { layer: LocalLayer; change: LocalChange } {
  const actor = requireText(context.actor, 'uw naam (onder Instellingen)', LOCAL_LIMITS.name);
  if (edit.type === 'municipality') return setMunicipality(before, edit, actor, context.at);
  if (!before) throw refuse(NO_MUNICIPALITY);
  const revision = before.revision + 1;
  const done = (
    layer: Omit<LocalLayer, 'revision'>,
    change: Pick<LocalChange, 'kind' | 'action' | 'targetId' | 'summary'> & { before?: unknown; after?: unknown },
  ) => ({
    layer: { ...layer, revision },
    change: { revision, at: context.at, actor, ...change } as LocalChange,
  });

  switch (edit.type) {
    case 'contact.save': {
      const clean = validateContact(edit.contact);
      const old = edit.contact.id ? before.contacts.find((c) => c.id === edit.contact.id) : undefined;
      if (edit.contact.id && !old)
        throw refuse('Dit contact bestaat niet meer; misschien is het op een ander tabblad verwijderd.');
      if (!old && before.contacts.length >= LOCAL_LIMITS.contacts)
        throw refuse(`Hoogstens ${LOCAL_LIMITS.contacts} contacten.`);
      const contact: LocalContact = {
        id: old?.id ?? `${before.municipalityCode}-contact-${context.newId()}`,
        ...clean,
        ...(old?.copiedFrom ? { copiedFrom: old.copiedFrom } : {}),
      };
      const contacts = old
        ? before.contacts.map((c) => (c.id === old.id ? contact : c))
        : [...before.contacts, contact];
      return done(
        { ...before, contacts },
        {
          kind: 'contact',
          action: 'opgeslagen',
          targetId: contact.id,
          summary: `Contact ‘${contact.name}’ opgeslagen`,
          ...(old ? { before: old } : {}),
          after: contact,
        },
      );
    }
    case 'contact.remove': {
      const old = before.contacts.find((c) => c.id === edit.id);
      if (!old) throw refuse('Dit contact bestaat niet meer.');
      const without = (ids: string[]) => ids.filter((id) => id !== edit.id);
      return done(
        {
          ...before,
          contacts: before.contacts.filter((c) => c.id !== edit.id),
          steps: before.steps.map((s) => (s.contacts.includes(edit.id) ? { ...s, contacts: without(s.contacts) } : s)),
          annotations: before.annotations.map((a) =>
            a.contacts.includes(edit.id) ? { ...a, contacts: without(a.contacts) } : a,
          ),
        },
        {
          kind: 'contact',
          action: 'verwijderd',
          targetId: old.id,
          summary: `Contact ‘${old.name}’ verwijderd`,
          before: old,
        },
      );
    }
    case 'step.save': {
      const clean = validateStep(edit.step);
      const old = edit.step.id ? before.steps.find((s) => s.id === edit.step.id) : undefined;
      if (edit.step.id && !old)
        throw refuse('Deze lokale stap bestaat niet meer; misschien is hij op een ander tabblad verwijderd.');
      if (old && old.phase !== clean.phase)
        throw refuse(
          'Een lokale stap kan niet naar een andere fase. Maak in die fase een nieuwe stap en verwijder deze.',
        );
      if (!old && before.steps.length >= LOCAL_LIMITS.steps)
        throw refuse(`Hoogstens ${LOCAL_LIMITS.steps} lokale stappen.`);
      const id = old?.id ?? newStepId(before, clean.phase, context.newId);
      if (clean.after !== undefined) checkAfter(before, context.national, clean.phase, clean.after, id);
      const step: LocalStep = {
        id,
        ...clean,
        changedAt: context.at,
        ...(old?.copiedFrom ? { copiedFrom: old.copiedFrom } : {}),
      };
      const steps = old ? before.steps.map((s) => (s.id === id ? step : s)) : [...before.steps, step];
      return done(
        { ...before, steps },
        {
          kind: 'stap',
          action: 'opgeslagen',
          targetId: id,
          summary: `Lokale stap ‘${step.title}’ opgeslagen`,
          ...(old ? { before: old } : {}),
          after: step,
        },
      );
    }
    case 'step.remove': {
      const old = before.steps.find((s) => s.id === edit.id);
      if (!old) throw refuse('Deze lokale stap bestaat niet meer.');
      // Steps that followed it take its place, so the order of the rest stays as it was.
      const steps = before.steps
        .filter((s) => s.id !== edit.id)
        .map((s) => (s.after === edit.id ? withAfter(s, old.after) : s));
      return done(
        { ...before, steps },
        {
          kind: 'stap',
          action: 'verwijderd',
          targetId: old.id,
          summary: `Lokale stap ‘${old.title}’ verwijderd`,
          before: old,
        },
      );
    }
    case 'annotation.save': {
      const clean = validateNote(edit.note, edit.contacts);
      const old = before.annotations.find((a) => a.targetId === edit.targetId);
      const hash = nationalTextHashes(context.national)(edit.targetId);
      // An orphaned note may still be edited; it keeps the hash of the text it was written against.
      if (!hash && !old) throw refuse('Deze stap of dit instrument staat niet in het landelijke kader.');
      const annotation = { targetId: edit.targetId, ...clean, nationalTextHash: hash ?? old!.nationalTextHash };
      const annotations = old
        ? before.annotations.map((a) => (a.targetId === edit.targetId ? annotation : a))
        : [...before.annotations, annotation];
      if (!old && annotations.length > LOCAL_LIMITS.annotations)
        throw refuse(`Hoogstens ${LOCAL_LIMITS.annotations} aanvullingen.`);
      return done(
        { ...before, annotations },
        {
          kind: 'aanvulling',
          action: 'opgeslagen',
          targetId: edit.targetId,
          summary: `Aanvulling bij ${titleOf(context.national, edit.targetId)} opgeslagen`,
          ...(old ? { before: old } : {}),
          after: annotation,
        },
      );
    }
    case 'annotation.remove': {
      const old = before.annotations.find((a) => a.targetId === edit.targetId);
      if (!old) throw refuse('Deze aanvulling bestaat niet meer.');
      return done(
        { ...before, annotations: before.annotations.filter((a) => a !== old) },
        {
          kind: 'aanvulling',
          action: 'verwijderd',
          targetId: edit.targetId,
          summary: `Aanvulling bij ${titleOf(context.national, edit.targetId)} verwijderd`,
          before: old,
        },
      );
    }
    case 'not-applicable.set': {
      const reason = validateReason(edit.reason);
      const national = context.national.phases.some((p) => p.steps.some((s) => s.id === edit.stepId));
      const old = before.notApplicable.find((m) => m.stepId === edit.stepId);
      if (!national && !old) throw refuse('Alleen een landelijke stap kan als niet van toepassing worden gemarkeerd.');
      const mark = { stepId: edit.stepId, reason };
      const notApplicable = old
        ? before.notApplicable.map((m) => (m === old ? mark : m))
        : [...before.notApplicable, mark];
      if (!old && notApplicable.length > LOCAL_LIMITS.notApplicable)
        throw refuse(`Hoogstens ${LOCAL_LIMITS.notApplicable} markeringen.`);
      return done(
        { ...before, notApplicable },
        {
          kind: 'niet-van-toepassing',
          action: 'opgeslagen',
          targetId: edit.stepId,
          summary: `${titleOf(context.national, edit.stepId)} niet van toepassing: ${reason}`,
          ...(old ? { before: old } : {}),
          after: mark,
        },
      );
    }
    case 'not-applicable.clear': {
      const old = before.notApplicable.find((m) => m.stepId === edit.stepId);
      if (!old) throw refuse('Deze stap was al niet als niet van toepassing gemarkeerd.');
      return done(
        { ...before, notApplicable: before.notApplicable.filter((m) => m !== old) },
        {
          kind: 'niet-van-toepassing',
          action: 'verwijderd',
          targetId: edit.stepId,
          summary: `${titleOf(context.national, edit.stepId)} weer van toepassing`,
          before: old,
        },
      );
    }
  }
}

function withAfter(step: LocalStep, after: string | undefined): LocalStep {
  const { after: _old, ...rest } = step;
  return after === undefined ? rest : { ...rest, after };
}

function checkAfter(layer: LocalLayer, national: Kader, phase: string, after: string, self: string) {
  if (after === self) throw refuse('Een stap kan niet na zichzelf komen.');
  const inPhase =
    national.phases.find((p) => p.id === phase)?.steps.some((s) => s.id === after) ||
    layer.steps.some((s) => s.id === after && s.phase === phase);
  if (!inPhase) throw refuse('Kies een stap uit dezelfde fase om deze stap na te plaatsen.');
}

function titleOf(national: Kader, id: string): string {
  const step = national.phases.flatMap((p) => p.steps).find((s) => s.id === id);
  if (step) return `‘${step.title}’`;
  const instrument = national.instruments.find((i) => i.id === id);
  return instrument ? `‘${instrument.name}’` : id;
}
