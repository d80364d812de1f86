import type { Instrument } from '../../content/schema.ts';
import { DURATION_UNITS, type DurationUnit, MAX_DURATION_COUNT, termEndOf } from '../domain/term-duration.ts';
import { FieldError, fieldErrorId, invalidProps } from './field-error.tsx';

/**
 * The instrument as a radio list with full names: at 320 px a select cuts "(a-grond)",
 * "(b-grond)" and "(c-grond)" off and the three closures of 174a look the same.
 */
export function InstrumentChoice({
  id,
  instruments,
  value,
  error,
  onChange,
}: {
  id: string;
  instruments: readonly Instrument[];
  value: string;
  error: string | undefined;
  onChange(instrumentId: string): void;
}) {
  return (
    <fieldset className="choice-group instrument-choice" {...invalidGroupProps(id, error)}>
      <legend>Juridisch instrument</legend>
      <FieldError fieldId={id} error={error} />
      {instruments.map((instrument, i) => (
        <label key={instrument.id} className="choice choice--two-line">
          <input
            type="radio"
            name={`${id}-instrument`}
            // The first radio carries the mark, so focus lands in the group with its error read out.
            {...(i === 0 ? invalidProps(id, error) : {})}
            checked={value === instrument.id}
            onChange={() => onChange(instrument.id)}
          />
          <span>
            {instrument.name}
            <span className="choice__detail">{instrument.article}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function invalidGroupProps(id: string, error: string | undefined) {
  return error ? { 'aria-describedby': `${id}-fout` } : {};
}

export interface TermDraft {
  start: string;
  end: string;
  announcedAt: string;
  hearingAt: string;
  /** The duration shortcut: a count of units from the start, which fills in the end. */
  durationCount?: string;
  durationUnit?: DurationUnit;
}

export type TermErrors = Partial<Record<keyof TermDraft, string>>;

/** The draft with the end recomputed from start and duration, when a duration is given. */
function withDurationEnd(next: TermDraft): TermDraft {
  const count = next.durationCount?.trim();
  if (!count) return next;
  const end = termEndOf(next.start, Number(count), next.durationUnit ?? 'weken');
  return end ? { ...next, end } : next;
}

/** Term, announcement and hearing; the instrument's own words on its duration as the hint. */
export function TermFields({
  id,
  hint,
  value,
  errors,
  onChange,
}: {
  id: string;
  hint: string | undefined;
  value: TermDraft;
  errors: TermErrors;
  onChange(next: TermDraft): void;
}) {
  const input = (
    key: 'start' | 'end' | 'announcedAt' | 'hearingAt',
    label: string,
    type: 'date' | 'datetime-local',
  ) => (
    <div className="field">
      <label className="label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        type={type}
        className="input"
        value={value[key]}
        onChange={(e) =>
          // A typed end replaces the duration; a new start moves the end the duration gives.
          onChange(
            key === 'end'
              ? { ...value, end: e.target.value, durationCount: '' }
              : withDurationEnd({ ...value, [key]: e.target.value }),
          )
        }
        {...invalidProps(`${id}-${key}`, errors[key])}
      />
      <FieldError fieldId={`${id}-${key}`} error={errors[key]} />
    </div>
  );
  return (
    <fieldset className="field-group">
      <legend>Termijn en bekendmaking</legend>
      {hint && <p className="hint">{hint}</p>}
      {input('start', 'Gaat in op', 'date')}
      <div className="field-row">
        <div className="field">
          <label className="label" htmlFor={`${id}-durationCount`}>
            Duur
          </label>
          <input
            id={`${id}-durationCount`}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_DURATION_COUNT}
            step={1}
            className="input"
            value={value.durationCount ?? ''}
            aria-describedby={`${id}-duration-hint${errors.durationCount ? ` ${fieldErrorId(`${id}-durationCount`)}` : ''}`}
            {...(errors.durationCount ? { 'aria-invalid': true } : {})}
            onChange={(e) => onChange(withDurationEnd({ ...value, durationCount: e.target.value }))}
          />
          <FieldError fieldId={`${id}-durationCount`} error={errors.durationCount} />
        </div>
        <div className="field">
          <label className="label" htmlFor={`${id}-durationUnit`}>
            Eenheid
          </label>
          <select
            id={`${id}-durationUnit`}
            className="select"
            value={value.durationUnit ?? 'weken'}
            onChange={(e) => onChange(withDurationEnd({ ...value, durationUnit: e.target.value as DurationUnit }))}
          >
            {DURATION_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="hint" id={`${id}-duration-hint`}>
        Vul een duur in of kies de einddatum zelf; de duur telt vanaf de ingangsdatum.
      </p>
      {input('end', 'Loopt af op (tot en met)', 'date')}
      {input('announcedAt', 'Bekendgemaakt op', 'date')}
      {input('hearingAt', 'Hoorzitting of zienswijze (als die er is)', 'datetime-local')}
    </fieldset>
  );
}

/** Checks the term fields as the store would; an empty field is simply not recorded. */
export function checkTerm(value: TermDraft, today: string): TermErrors {
  const errors: TermErrors = {};
  const count = value.durationCount?.trim();
  if (count) {
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > MAX_DURATION_COUNT)
      errors.durationCount = `Vul een heel getal in, van 1 tot en met ${MAX_DURATION_COUNT}.`;
    else if (!value.start) errors.start = 'Vul de ingangsdatum in; de einddatum wordt daarvan berekend.';
  }
  if (value.start && value.end && value.end < value.start) errors.end = 'De einddatum ligt vóór de ingangsdatum.';
  if (value.announcedAt && value.announcedAt > today)
    errors.announcedAt = 'Deze datum ligt in de toekomst. Vul in wanneer het besluit is bekendgemaakt.';
  return errors;
}
