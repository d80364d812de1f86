import { useId, useState } from 'react';
import { useKader } from '../../content/kader-context.tsx';
import { LOCAL_LIMITS } from '../format/rules.ts';
import { CheckList } from './check-list.tsx';
import { FormActions } from './form-actions.tsx';
import { FormFailure, TextField, useEditorForm } from './form-fields.tsx';
import { useEditorDraft } from './use-editor-draft.ts';

/** The municipality's note on a national step or instrument, with the local contacts it names. */
export function AnnotationForm({
  targetId,
  initial,
  onSave,
  onCancel,
}: {
  targetId: string;
  initial?: { note: string; contacts: readonly string[] };
  onSave(note: string, contacts: string[]): Promise<void>;
  onCancel(): void;
}) {
  const { local } = useKader();
  const id = useId();
  const [draft, setDraft, clearDraft] = useEditorDraft(`aanvulling:${targetId}`, {
    note: initial?.note ?? '',
    contacts: [...(initial?.contacts ?? [])],
  });
  const { note, contacts } = draft;
  const setNote = (value: string) => setDraft({ ...draft, note: value });
  const setContacts = (value: string[]) => setDraft({ ...draft, contacts: value });
  const { form, errors, failure, busy, onSubmit } = useEditorForm<'note'>(
    () => (note.trim() ? {} : { note: 'Schrijf de aanvulling.' }),
    async () => {
      await onSave(note, contacts);
      clearDraft();
    },
  );
  const all = local ? [...local.contacts.values()] : [];
  return (
    <form ref={form} className="form local-form" noValidate onSubmit={onSubmit}>
      <TextField
        id={`${id}-aanvulling`}
        label="Lokale aanvulling"
        hint="Wat in uw gemeente anders of extra is bij deze stap. De landelijke tekst blijft staan."
        multiline
        value={note}
        error={errors.note}
        maxLength={LOCAL_LIMITS.text}
        onChange={setNote}
      />
      {all.length > 0 && (
        <CheckList
          legend="Lokale contacten bij deze aanvulling"
          options={all.map((c) => ({ value: c.id, label: c.name }))}
          value={contacts}
          onChange={setContacts}
        />
      )}
      <FormActions
        failure={failure}
        busy={busy}
        submitLabel="Aanvulling opslaan"
        clearDraft={clearDraft}
        onCancel={onCancel}
      />
    </form>
  );
}

/** Marks a national step as not used here; the national text stays visible, greyed. */
export function NotApplicableForm({
  stepId,
  municipality,
  initial,
  onSave,
  onCancel,
}: {
  stepId: string;
  municipality: string;
  initial?: string;
  onSave(reason: string): Promise<void>;
  onCancel(): void;
}) {
  const id = useId();
  const [reason, setReason, clearDraft] = useEditorDraft(`nvt:${stepId}`, initial ?? '');
  const { form, errors, failure, busy, onSubmit } = useEditorForm<'reason'>(
    () => (reason.trim() ? {} : { reason: `Schrijf waarom deze stap in ${municipality} niet van toepassing is.` }),
    async () => {
      await onSave(reason);
      clearDraft();
    },
  );
  return (
    <form ref={form} className="form local-form" noValidate onSubmit={onSubmit}>
      <TextField
        id={`${id}-reden`}
        label={`Waarom niet van toepassing in ${municipality}?`}
        multiline
        value={reason}
        error={errors.reason}
        maxLength={LOCAL_LIMITS.shortText}
        onChange={setReason}
      />
      <FormActions
        failure={failure}
        busy={busy}
        submitLabel="Markering opslaan"
        clearDraft={clearDraft}
        onCancel={onCancel}
      />
    </form>
  );
}

const CODE = /^(gm)?\d{4}$/i;

/** Whose layer it is: the name and the CBS code that every local id carries. */
export function MunicipalityForm({
  initial,
  onSave,
}: {
  initial?: { name: string; code: string };
  onSave(name: string, code: string): Promise<void>;
}) {
  const id = useId();
  const [name, setName] = useState(initial?.name ?? '');
  const [code, setCode] = useState(initial?.code ?? '');
  const [saved, setSaved] = useState(false);
  const { form, errors, failure, busy, onSubmit } = useEditorForm<'name' | 'code'>(
    () => ({
      ...(name.trim() ? {} : { name: 'Vul de naam van uw gemeente in.' }),
      ...(CODE.test(code.trim()) ? {} : { code: 'De CBS-code is "gm" met vier cijfers, bijvoorbeeld gm0363.' }),
    }),
    async () => {
      setSaved(false);
      await onSave(name, code);
      setSaved(true);
    },
  );
  return (
    <form ref={form} className="form local-form" noValidate onSubmit={onSubmit}>
      <div className="field-row">
        <TextField
          id={`${id}-gemeente`}
          label="Naam van de gemeente"
          value={name}
          error={errors.name}
          maxLength={LOCAL_LIMITS.name}
          autoComplete="off"
          onChange={setName}
        />
        <TextField
          id={`${id}-code`}
          label="CBS-code"
          hint="gm en vier cijfers, bijv. gm0363 (Amsterdam)."
          value={code}
          error={errors.code}
          maxLength={6}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          onChange={setCode}
        />
      </div>
      <FormFailure text={failure} />
      {saved && <p role="status">Opgeslagen.</p>}
      <button type="submit" className="button" disabled={busy} aria-busy={busy}>
        Gemeente opslaan
      </button>
    </form>
  );
}
