import { useId } from 'react';

/**
 * A passphrase input. Never stored by the browser: type=password is not kept in
 * session files or autofill, and autocomplete says not to offer to remember it.
 */
export function PassphraseField({
  label,
  value,
  onChange,
  onEnter,
  autoFocus,
  invalid,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onEnter?: () => void;
  autoFocus?: boolean;
  invalid?: boolean;
}) {
  const id = useId();
  return (
    <>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        type="password"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        // biome-ignore lint/a11y/noAutofocus: the lock screen has one task; its field should take the keyboard.
        autoFocus={autoFocus}
        value={value}
        aria-invalid={invalid ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && onEnter) {
            e.preventDefault();
            onEnter();
          }
        }}
      />
    </>
  );
}
