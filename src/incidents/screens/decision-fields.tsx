import type { Instrument } from '../../content/schema.ts';
import { FieldError, invalidProps } from './field-error.tsx';

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
}

export type TermErrors = Partial<Record<keyof TermDraft, string>>;

/** Term, announcement and hearing; the instrument's own words on its duration as the hint. */
export function TermFields({
  id,
  instrument,
  value,
  errors,
  onChange,
}: {
  id: string;
  instrument: Instrument;
  value: TermDraft;
  errors: TermErrors;
  onChange(next: TermDraft): void;
}) {
  const input = (key: keyof TermDraft, label: string, type: 'date' | 'datetime-local') => (
    <div className="field">
      <label className="label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        type={type}
        className="input"
        value={value[key]}
        onChange={(e) => onChange({ ...value, [key]: e.target.value })}
        {...invalidProps(`${id}-${key}`, errors[key])}
      />
      <FieldError fieldId={`${id}-${key}`} error={errors[key]} />
    </div>
  );
  return (
    <fieldset className="field-group">
      <legend>Termijn en bekendmaking</legend>
      {instrument.duration && <p className="hint">{instrument.duration}</p>}
      <div className="field-row">
        {input('start', 'Gaat in op', 'date')}
        {input('end', 'Loopt af op', 'date')}
      </div>
      {input('announcedAt', 'Bekendgemaakt op', 'date')}
      {input('hearingAt', 'Hoorzitting of zienswijze (als die er is)', 'datetime-local')}
    </fieldset>
  );
}

/** Checks the term fields as the store would; an empty field is simply not recorded. */
export function checkTerm(value: TermDraft, today: string): TermErrors {
  const errors: TermErrors = {};
  if (value.start && value.end && value.end < value.start) errors.end = 'De einddatum ligt vóór de ingangsdatum.';
  if (value.announcedAt && value.announcedAt > today)
    errors.announcedAt = 'Deze datum ligt in de toekomst. Vul in wanneer het besluit is bekendgemaakt.';
  return errors;
}
