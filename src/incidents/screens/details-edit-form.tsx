import { useId, useRef, useState } from 'react';
import type { ClearableDetail, IncidentDetails } from '../../model/events.ts';
import { LIMITS } from '../../model/limits.ts';
import { formatDateTime, fromLocalInputValue, toLocalInputValue } from '../../ui/format-date.ts';
import { userMessageOf } from '../../ui/user-message.ts';
import { checkIncidentFields, type IncidentFieldErrors } from '../domain/incident-form.ts';
import type { IncidentState } from '../domain/incident-state.ts';
import { FieldError, focusFirstInvalid, invalidProps } from './field-error.tsx';
import { useIncidentCommands } from './incident-commands-context.tsx';

type Fields = Record<
  'street' | 'houseNumber' | 'postcode' | 'city' | 'locationDescription' | 'municipality' | 'occurredAt',
  string
>;

function fieldsOf(details: IncidentDetails): Fields {
  return {
    street: details.address?.street ?? '',
    houseNumber: details.address?.houseNumber ?? '',
    postcode: details.address?.postcode ?? '',
    city: details.address?.city ?? '',
    locationDescription: details.locationDescription ?? '',
    municipality: details.municipality,
    occurredAt: toLocalInputValue(new Date(details.occurredAt)),
  };
}

/** Corrects what was entered at the scene; the change is an event, the original stays in the log. */
export function DetailsEditForm({ state, onDone }: { state: IncidentState; onDone(): void }) {
  const commands = useIncidentCommands();
  const [fields, setFields] = useState(() => fieldsOf(state.details));
  const [errors, setErrors] = useState<IncidentFieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const input = (key: keyof Fields, label: string, type = 'text') => {
    const error = key === 'postcode' || key === 'city' ? undefined : errors[key];
    return (
      <>
        <label className="label" htmlFor={`${id}-${key}`}>
          {label}
        </label>
        <input
          id={`${id}-${key}`}
          type={type}
          className="input"
          value={fields[key]}
          maxLength={key === 'locationDescription' ? LIMITS.shortText : LIMITS.name}
          onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
          {...invalidProps(`${id}-${key}`, error)}
        />
        <FieldError fieldId={`${id}-${key}`} error={error} />
      </>
    );
  };
  return (
    <form
      ref={form}
      className="form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setFailure(undefined);
        const checked = checkIncidentFields(
          { ...fields, target: state.details.target, occurredAt: fromLocalInputValue(fields.occurredAt) },
          new Date(),
        );
        setErrors(checked.ok ? {} : checked.errors);
        if (!checked.ok) {
          focusFirstInvalid(form.current);
          return;
        }
        const { address, locationDescription, municipality, occurredAt } = checked.details;
        const clear: ClearableDetail[] = [];
        if (!address && state.details.address) clear.push('address');
        if (!locationDescription && state.details.locationDescription) clear.push('locationDescription');
        try {
          await commands.updateDetails(state.id, {
            municipality,
            occurredAt,
            ...(address ? { address } : {}),
            ...(locationDescription ? { locationDescription } : {}),
            ...(clear.length ? { clear } : {}),
          });
          onDone();
        } catch (err) {
          setFailure(userMessageOf(err));
        }
      }}
    >
      <p className="quiet">Vastgelegd: {formatDateTime(state.createdAt)}. De correctie komt in het logboek.</p>
      {input('street', 'Straat')}
      {input('houseNumber', 'Huisnummer')}
      {input('postcode', 'Postcode')}
      {input('city', 'Plaats')}
      {input('locationDescription', 'Locatie')}
      {input('municipality', 'Gemeente')}
      {input('occurredAt', 'Datum en tijd van het incident', 'datetime-local')}
      {failure && (
        <p className="alert alert--error" role="alert">
          {failure}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button">
          Correctie opslaan
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Annuleren
        </button>
      </div>
    </form>
  );
}
