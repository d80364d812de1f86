import { FormFailure } from './form-fields.tsx';

/**
 * The foot of a local-layer editor: what went wrong on saving, the save button and
 * "Annuleren". Cancelling throws the draft away, so an abandoned edit does not come back.
 */
export function FormActions({
  failure,
  busy,
  submitLabel,
  clearDraft,
  onCancel,
}: {
  failure: string | undefined;
  busy: boolean;
  submitLabel: string;
  clearDraft(): void;
  onCancel(): void;
}) {
  return (
    <>
      <FormFailure text={failure} />
      <p className="actions">
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          {submitLabel}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            clearDraft();
            onCancel();
          }}
        >
          Annuleren
        </button>
      </p>
    </>
  );
}
