import type { LocalSource } from '../../model/local-layer.ts';
import { LOCAL_LIMITS } from '../format/rules.ts';
import { TextField } from './form-fields.tsx';

/** A local step's sources: a title and, optionally, a link each. */
export function SourceRows({
  idPrefix,
  sources,
  errors,
  onChange,
}: {
  idPrefix: string;
  sources: LocalSource[];
  errors: Partial<Record<`source-${number}`, string>>;
  onChange(sources: LocalSource[]): void;
}) {
  return (
    <fieldset className="field-group">
      <legend>Bronnen</legend>
      {sources.map((source, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own while the form is open
        <div key={i} className="phone-row">
          <TextField
            id={`${idPrefix}-bron-${i}`}
            label={`Titel bron ${i + 1}`}
            value={source.title}
            error={undefined}
            maxLength={LOCAL_LIMITS.name}
            onChange={(v) => onChange(sources.map((s, j) => (j === i ? { ...s, title: v } : s)))}
          />
          <TextField
            id={`${idPrefix}-link-${i}`}
            label={`Link bron ${i + 1} (optioneel)`}
            type="url"
            inputMode="url"
            value={source.url ?? ''}
            error={errors[`source-${i}`]}
            maxLength={LOCAL_LIMITS.shortText}
            onChange={(v) => onChange(sources.map((s, j) => (j === i ? { ...s, url: v } : s)))}
          />
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onChange(sources.filter((_, j) => j !== i))}
          >
            Bron {i + 1} verwijderen
          </button>
        </div>
      ))}
      {sources.length < LOCAL_LIMITS.sources && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => onChange([...sources, { title: '', url: '' }])}
        >
          Bron toevoegen
        </button>
      )}
    </fieldset>
  );
}
