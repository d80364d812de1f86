import { TARGET_LABEL } from '../content/labels.ts';
import { TARGETS, type Target } from '../content/vocabulary.ts';

interface Props {
  value: Target | undefined;
  onChange(target: Target | undefined): void;
  label?: string;
}

/** Toggle buttons (aria-pressed) rather than a select: one tap, large targets. */
export function TargetFilter({ value, onChange, label = 'Toon stappen voor' }: Props) {
  return (
    <fieldset className="toggle-group">
      <legend>{label}</legend>
      <button type="button" className="toggle" aria-pressed={value === undefined} onClick={() => onChange(undefined)}>
        Alles
      </button>
      {TARGETS.map((t) => (
        <button key={t} type="button" className="toggle" aria-pressed={value === t} onClick={() => onChange(t)}>
          {TARGET_LABEL[t]}
        </button>
      ))}
    </fieldset>
  );
}
