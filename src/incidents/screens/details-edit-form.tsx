import { useId, useState } from 'react';
import type { ClearableDetail, IncidentDetails } from '../../model/events.ts';
import { LIMITS } from '../../model/limits.ts';
import { formatDateTime, fromLocalInputValue, toLocalInputValue } from '../../ui/format-date.ts';
import { userMessageOf } from '../../ui/user-message.ts';
import type { IncidentState } from '../domain/incident-state.ts';
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
  const [error, setError] = useState<string>();
  const id = useId();
  const input = (key: keyof Fields, label: string, type = 'text') => (
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
      />
    </>
  );
  return (
    <form
      className="form"
      onSubmit={async (e) => {
        e.preventDefault();
        const occurredAt = fromLocalInputValue(fields.occurredAt);
        if (!occurredAt) return setError('Vul een geldige datum en tijd in.');
        const hasAddress = Boolean(fields.street.trim() && fields.houseNumber.trim());
        if (!hasAddress && !fields.locationDescription.trim())
          return setError('Vul straat en huisnummer in, of beschrijf de locatie.');
        const clear: ClearableDetail[] = [];
        if (!hasAddress && state.details.address) clear.push('address');
        if (!fields.locationDescription.trim() && state.details.locationDescription) clear.push('locationDescription');
        try {
          await commands.updateDetails(state.id, {
            municipality: fields.municipality.trim(),
            occurredAt,
            ...(hasAddress
              ? {
                  address: {
                    street: fields.street.trim(),
                    houseNumber: fields.houseNumber.trim(),
                    postcode: fields.postcode.trim(),
                    city: fields.city.trim() || fields.municipality.trim(),
                  },
                }
              : {}),
            ...(fields.locationDescription.trim() ? { locationDescription: fields.locationDescription.trim() } : {}),
            ...(clear.length ? { clear } : {}),
          });
          onDone();
        } catch (err) {
          setError(userMessageOf(err));
        }
      }}
    >
      <p className="quiet">Vastgelegd: {formatDateTime(state.createdAt)}. De correctie komt in het logboek.</p>
      {input('street', 'Straat')}
      {input('houseNumber', 'Huisnummer en toevoeging')}
      {input('postcode', 'Postcode')}
      {input('city', 'Plaats')}
      {input('locationDescription', 'Locatie')}
      {input('municipality', 'Gemeente')}
      {input('occurredAt', 'Datum en tijd van het incident', 'datetime-local')}
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
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
