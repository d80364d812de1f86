import type { ReactNode } from 'react';

export interface ToggleOption<T> {
  value: T;
  label: ReactNode;
}

interface Props<T> {
  legend: string;
  options: readonly ToggleOption<T>[];
  value: T;
  onChange(value: T): void;
  className?: string;
}

/** One-of-many as toggle buttons (aria-pressed) rather than a select: one tap, large targets. */
export function ToggleGroup<T>({ legend, options, value, onChange, className = '' }: Props<T>) {
  return (
    <fieldset className={`toggle-group ${className}`.trim()}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <button
          key={String(option.value)}
          type="button"
          className="toggle"
          aria-pressed={option.value === value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </fieldset>
  );
}
