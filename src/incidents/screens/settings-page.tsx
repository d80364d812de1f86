import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { getActorName, getRetentionMonths, setRetentionMonths } from '../../db/settings.ts';
import { LIMITS } from '../../model/limits.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { userMessageOf } from '../../ui/user-message.ts';
import { getDefaultMunicipality, setDefaultMunicipality } from '../store/municipality-default.ts';
import { ActorNameForm } from './actor-gate.tsx';

export function SettingsPage() {
  const name = useLiveQuery(() => getActorName());
  const months = useLiveQuery(() => getRetentionMonths());
  const municipality = useLiveQuery(() => getDefaultMunicipality());
  return (
    <>
      <p className="breadcrumb">
        <Link to="/incidenten">Incidenten</Link>
      </p>
      <PageTitle title="Instellingen">Instellingen</PageTitle>
      <h2>Uw naam</h2>
      {name !== undefined && <ActorNameForm current={name} />}
      <h2>Gemeente</h2>
      {municipality !== undefined && <MunicipalityForm current={municipality} />}
      <h2>Bewaartermijn</h2>
      {months !== undefined && <RetentionForm current={months} />}
    </>
  );
}

/** The municipality a new incident starts with; the form fills it in, the adviser may change it there. */
function MunicipalityForm({ current }: { current: string }) {
  const [value, setValue] = useState(current);
  const [message, setMessage] = useState<string>();
  const id = useId();
  return (
    <form
      className="form"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await setDefaultMunicipality(value);
          setMessage(value.trim() ? 'Opgeslagen.' : 'Opgeslagen: een nieuw incident begint zonder gemeente.');
        } catch (err) {
          setMessage(userMessageOf(err));
        }
      }}
    >
      <label className="label" htmlFor={id}>
        Gemeente voor een nieuw incident
      </label>
      <input
        id={id}
        className="input"
        maxLength={LIMITS.name}
        autoComplete="off"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      {message && <p role="status">{message}</p>}
      <button type="submit" className="button">
        Opslaan
      </button>
    </form>
  );
}

function RetentionForm({ current }: { current: number }) {
  const [value, setValue] = useState(String(current));
  const [message, setMessage] = useState<string>();
  const id = useId();
  return (
    <form
      className="form"
      onSubmit={async (e) => {
        e.preventDefault();
        const months = Number(value);
        if (!Number.isInteger(months) || months < 1 || months > 120) {
          setMessage('Kies een termijn van 1 tot 120 maanden.');
          return;
        }
        try {
          await setRetentionMonths(months);
          setMessage('Opgeslagen.');
        } catch (err) {
          setMessage(userMessageOf(err));
        }
      }}
    >
      <label className="label" htmlFor={id}>
        Maanden na het sluiten waarna de app voorstelt een incident te verwijderen
      </label>
      <input
        id={id}
        className="input input--short"
        type="number"
        inputMode="numeric"
        min={1}
        max={120}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      {message && <p role="status">{message}</p>}
      <button type="submit" className="button">
        Opslaan
      </button>
    </form>
  );
}
