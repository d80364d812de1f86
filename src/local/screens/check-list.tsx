/** A group of checkboxes for picking ids (partners, contacts). */
export function CheckList({
  legend,
  options,
  value,
  onChange,
}: {
  legend: string;
  options: { value: string; label: string }[];
  value: readonly string[];
  onChange(value: string[]): void;
}) {
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input
            type="checkbox"
            checked={value.includes(option.value)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, option.value] : value.filter((v) => v !== option.value))
            }
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
