import { TARGET_LABEL } from '../model/labels.ts';
import { TARGETS, type Target } from '../model/vocabulary.ts';
import { ToggleGroup } from './toggle-group.tsx';

const OPTIONS = [
  { value: undefined, label: 'Alles' },
  ...TARGETS.map((t) => ({ value: t, label: TARGET_LABEL[t] })),
] as const;

export function TargetFilter({
  value,
  onChange,
}: {
  value: Target | undefined;
  onChange(target: Target | undefined): void;
}) {
  return <ToggleGroup legend="Toon stappen voor" options={OPTIONS} value={value} onChange={onChange} />;
}
