import { useId } from 'react';
import { useKader } from '../../content/kader-context.tsx';
import type { KaderStep } from '../../content/schema.ts';
import { FieldError, invalidProps } from '../../incidents/screens/field-error.tsx';
import { KIND_LABEL, TARGET_LABEL, TIME_WINDOW_LABEL } from '../../model/labels.ts';
import type { LocalStep } from '../../model/local-layer.ts';
import { PHASE_IDS, type PhaseId, STEP_KINDS, TARGETS, TIME_WINDOW_IDS } from '../../model/vocabulary.ts';
import { HTTP_URL_PATTERN, LOCAL_LIMITS } from '../format/rules.ts';
import { CheckList } from './check-list.tsx';
import { FormActions } from './form-actions.tsx';
import { type FieldErrors, TextField, useEditorForm } from './form-fields.tsx';
import { SourceRows } from './source-rows.tsx';
import { useEditorDraft } from './use-editor-draft.ts';

export type StepDraft = Omit<LocalStep, 'id' | 'changedAt'>;

type Field = 'title' | 'what' | 'why' | 'actor' | 'targets' | `source-${number}`;

export function checkStep(draft: StepDraft): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  if (!draft.title.trim()) errors.title = 'Vul de titel van de stap in.';
  if (!draft.what.trim()) errors.what = 'Beschrijf wat er moet gebeuren.';
  if (!draft.why.trim()) errors.why = 'Beschrijf waarom het moet gebeuren.';
  if (!draft.actor.trim()) errors.actor = 'Vul in wie de stap uitvoert.';
  if (draft.targets.length === 0) errors.targets = 'Kies minstens één doelwit.';
  draft.sources.forEach((source, i) => {
    const url = source.url?.trim();
    if (url && !HTTP_URL_PATTERN.test(url)) errors[`source-${i}`] = 'Een link begint met https:// of http://.';
  });
  return errors;
}

const emptyStep = (phase: PhaseId, after: KaderStep | undefined): StepDraft => ({
  phase,
  // After a step of the first hour, a new step belongs to the first hour too, unless changed.
  ...(after ? { after: after.id, ...(after.timeWindow ? { timeWindow: after.timeWindow } : {}) } : {}),
  title: '',
  what: '',
  why: '',
  kind: 'praktisch',
  actor: '',
  targets: [...TARGETS],
  partners: [],
  contacts: [],
  sources: [],
});

export function StepForm({
  initial,
  phase = 'direct-na',
  after,
  onSave,
  onCancel,
}: {
  initial?: LocalStep;
  phase?: PhaseId;
  after?: string;
  onSave(step: StepDraft): Promise<void>;
  onCancel(): void;
}) {
  const index = useKader();
  const { kader, local } = index;
  const id = useId();
  const [draft, setDraft, clearDraft] = useEditorDraft<StepDraft>(
    `stap:${initial?.id ?? `nieuw:${after ?? phase}`}`,
    (() => {
      if (!initial) return emptyStep(phase, after ? index.step.get(after) : undefined);
      const { id: _, changedAt: __, ...rest } = initial;
      return rest;
    })(),
  );

  const set = <K extends keyof StepDraft>(key: K, value: StepDraft[K]) => setDraft({ ...draft, [key]: value });
  const { form, errors, failure, busy, onSubmit } = useEditorForm(
    () => checkStep(draft),
    async () => {
      const { timeWindow, timing, ...rest } = draft;
      await onSave({
        ...rest,
        ...(draft.phase === 'direct-na' && timeWindow ? { timeWindow } : {}),
        ...(timing?.trim() ? { timing } : {}),
        sources: draft.sources.filter((s) => s.title.trim() || s.url?.trim()),
      });
      clearDraft();
    },
  );
  const phaseSteps = (kader.phases.find((p) => p.id === draft.phase)?.steps ?? []).filter((s) => s.id !== initial?.id);
  const contacts = local ? [...local.contacts.values()] : [];
  return (
    <form ref={form} className="form local-form" noValidate onSubmit={onSubmit}>
      <div className="field">
        <label className="label" htmlFor={`${id}-fase`}>
          Fase
        </label>
        <select
          id={`${id}-fase`}
          className="select"
          value={draft.phase}
          // A saved step keeps its phase: its id carries it, and incidents refer to that id.
          disabled={Boolean(initial)}
          onChange={(e) => {
            const { after: _, timeWindow: __, ...rest } = draft;
            setDraft({ ...rest, phase: e.target.value as PhaseId });
          }}
        >
          {PHASE_IDS.map((p) => (
            <option key={p} value={p}>
              {kader.phases.find((k) => k.id === p)?.title ?? p}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="label" htmlFor={`${id}-na`}>
          Plaats: na de stap
        </label>
        <select
          id={`${id}-na`}
          className="select"
          value={draft.after ?? ''}
          onChange={(e) => {
            const { after: _, ...rest } = draft;
            setDraft(e.target.value ? { ...rest, after: e.target.value } : rest);
          }}
        >
          <option value="">Aan het begin van de fase</option>
          {phaseSteps.map((s) => (
            <option key={s.id} value={s.id}>
              {local?.localStepIds.has(s.id) ? `Lokaal: ${s.title}` : s.title}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id={`${id}-titel`}
        label="Titel"
        value={draft.title}
        error={errors.title}
        maxLength={LOCAL_LIMITS.name}
        onChange={(v) => set('title', v)}
      />
      <TextField
        id={`${id}-wat`}
        label="Wat"
        multiline
        value={draft.what}
        error={errors.what}
        maxLength={LOCAL_LIMITS.text}
        onChange={(v) => set('what', v)}
      />
      <TextField
        id={`${id}-waarom`}
        label="Waarom"
        multiline
        value={draft.why}
        error={errors.why}
        maxLength={LOCAL_LIMITS.text}
        onChange={(v) => set('why', v)}
      />
      <TextField
        id={`${id}-wie`}
        label="Wie"
        hint="Bijv. ‘OOV-adviseur’ of ‘wijkregisseur’."
        value={draft.actor}
        error={errors.actor}
        maxLength={LOCAL_LIMITS.name}
        onChange={(v) => set('actor', v)}
      />
      <div className="field">
        <label className="label" htmlFor={`${id}-soort`}>
          Soort stap
        </label>
        <select
          id={`${id}-soort`}
          className="select"
          value={draft.kind}
          onChange={(e) => set('kind', e.target.value as StepDraft['kind'])}
        >
          {STEP_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="choice-group">
        <legend>Doelwit</legend>
        {TARGETS.map((t) => (
          <label key={t} className="choice">
            <input
              type="checkbox"
              {...invalidProps(`${id}-doelwit`, errors.targets)}
              checked={draft.targets.includes(t)}
              onChange={(e) =>
                set('targets', e.target.checked ? [...draft.targets, t] : draft.targets.filter((x) => x !== t))
              }
            />
            {TARGET_LABEL[t]}
          </label>
        ))}
        <FieldError fieldId={`${id}-doelwit`} error={errors.targets} />
      </fieldset>
      {draft.phase === 'direct-na' && (
        <div className="field">
          <label className="label" htmlFor={`${id}-venster`}>
            Tijdvenster
          </label>
          <select
            id={`${id}-venster`}
            className="select"
            value={draft.timeWindow ?? ''}
            onChange={(e) => {
              const { timeWindow: _, ...rest } = draft;
              setDraft(e.target.value ? { ...rest, timeWindow: e.target.value as never } : rest);
            }}
          >
            <option value="">Geen</option>
            {TIME_WINDOW_IDS.map((w) => (
              <option key={w} value={w}>
                {TIME_WINDOW_LABEL[w]}
              </option>
            ))}
          </select>
        </div>
      )}
      <TextField
        id={`${id}-wanneer`}
        label="Wanneer (optioneel)"
        value={draft.timing ?? ''}
        error={undefined}
        maxLength={LOCAL_LIMITS.shortText}
        onChange={(v) => set('timing', v)}
      />
      <CheckList
        legend="Landelijke partners"
        options={kader.partners.map((p) => ({ value: p.id, label: p.name }))}
        value={draft.partners}
        onChange={(v) => set('partners', v)}
      />
      {contacts.length > 0 && (
        <CheckList
          legend="Lokale contacten"
          options={contacts.map((c) => ({ value: c.id, label: c.name }))}
          value={draft.contacts}
          onChange={(v) => set('contacts', v)}
        />
      )}
      <SourceRows
        idPrefix={id}
        sources={draft.sources}
        errors={errors}
        onChange={(sources) => set('sources', sources)}
      />
      <FormActions
        failure={failure}
        busy={busy}
        submitLabel="Stap opslaan"
        clearDraft={clearDraft}
        onCancel={onCancel}
      />
    </form>
  );
}
