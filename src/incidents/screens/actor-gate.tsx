import { useLiveQuery } from 'dexie-react-hooks';
import { type ReactNode, useId, useState } from 'react';
import { useMatch } from 'react-router';
import { getActorName, setActorName } from '../../db/settings.ts';
import { LIMITS } from '../../model/limits.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { userMessageOf } from '../../ui/user-message.ts';

/**
 * Every event records who acted, so the name is asked once before any incident work.
 * The new-incident form asks it itself (quick at the scene: no extra screen on first use).
 */
export function ActorGate({ children }: { children: ReactNode }) {
  const name = useLiveQuery(() => getActorName());
  const newIncident = useMatch('/incidenten/nieuw');
  if (newIncident) return children;
  if (name === undefined) return <p className="quiet">Laden…</p>;
  if (!name) {
    return (
      <>
        <PageTitle title="Wie bent u?">Wie bent u?</PageTitle>
        <p>
          Bij alles wat u vastlegt, bewaart de app wie het deed en wanneer. Vul één keer uw naam of initialen in. U kunt
          dit later wijzigen onder Incidenten, Instellingen.
        </p>
        <ActorNameForm />
      </>
    );
  }
  return children;
}

export function ActorNameForm({ current = '' }: { current?: string }) {
  const [value, setValue] = useState(current);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const id = useId();
  return (
    <form
      className="form"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(false);
        if (!value.trim()) {
          setError('Vul uw naam of initialen in.');
          return;
        }
        try {
          await setActorName(value.trim());
          setError(undefined);
          setSaved(true);
        } catch (err) {
          setError(userMessageOf(err));
        }
      }}
    >
      <label className="label" htmlFor={id}>
        Naam of initialen
      </label>
      <input
        id={id}
        className="input"
        value={value}
        autoComplete="name"
        maxLength={LIMITS.name}
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={error ? true : undefined}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {saved && <p role="status">Opgeslagen.</p>}
      <button type="submit" className="button">
        Opslaan
      </button>
    </form>
  );
}
