/**
 * A field's own error, next to it: the field is marked invalid and points at the
 * message, so a screen reader reads both together (WCAG 3.3.1).
 */

export function fieldErrorId(fieldId: string): string {
  return `${fieldId}-fout`;
}

/** The attributes for an input whose value has `error`. */
export function invalidProps(fieldId: string, error: string | undefined) {
  return error ? { 'aria-invalid': true as const, 'aria-describedby': fieldErrorId(fieldId) } : {};
}

export function FieldError({ fieldId, error }: { fieldId: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="field-error" id={fieldErrorId(fieldId)}>
      {error}
    </p>
  );
}

/** After a refused submit, focus goes to the first field in error (in document order). */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  });
}
