import { type InputHTMLAttributes, type ReactNode, useRef, useState } from 'react';
import { FieldError, focusFirstInvalid, invalidProps } from '../../incidents/screens/field-error.tsx';
import { userMessageOf } from '../../ui/user-message.ts';

/** Per field its Dutch error; every error is shown at once, each next to its field. */
export type FieldErrors<K extends string> = Partial<Record<K, string>>;

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  id: string;
  label: string;
  hint?: ReactNode;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
  multiline?: boolean;
}

export function TextField({ id, label, hint, value, error, onChange, multiline, ...rest }: TextFieldProps) {
  const hintId = `${id}-uitleg`;
  const describedBy = [hint ? hintId : '', error ? invalidProps(id, error)['aria-describedby'] : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    value,
    ...(error ? { 'aria-invalid': true as const } : {}),
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
  };
  return (
    <div className="field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea
          {...common}
          className="textarea"
          maxLength={rest.maxLength}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input {...rest} {...common} className="input" onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldError fieldId={id} error={error} />
    </div>
  );
}

/**
 * Submit handling shared by the editor's forms: check every field, show all errors and focus the
 * first; otherwise save, and show the store's Dutch refusal (nothing is written then).
 */
export function useEditorForm<K extends string>(check: () => FieldErrors<K>, save: () => Promise<void>) {
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors<K>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const found = check();
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    try {
      await save();
    } catch (error) {
      setFailure(userMessageOf(error));
    } finally {
      setBusy(false);
    }
  };
  return { form, errors, failure, busy, onSubmit };
}

/** The store's refusal of a whole form, announced at once. */
export function FormFailure({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <p className="alert alert--error" role="alert">
      {text}
    </p>
  );
}
