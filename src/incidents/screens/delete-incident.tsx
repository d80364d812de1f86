import { useState } from 'react';
import { AsyncButton } from '../../ui/async-button.tsx';
import { useIncidentCommands } from './incident-commands-context.tsx';
import { useIncidentExtensions } from './incident-extensions.tsx';

const LOCAL_WARNING =
  'Alle gegevens van dit incident (checklist, logboek, besluiten) worden definitief van dit apparaat verwijderd. Dit kan niet ongedaan worden gemaakt.';

/**
 * How this incident is deleted: on this device only, or (shared with a team) through the
 * extension, which deletes it everywhere or says why not. One place for both the
 * incident page and the retention notice.
 */
export function useIncidentDeletion() {
  const commands = useIncidentCommands();
  const { removal } = useIncidentExtensions();
  return (incidentId: string) => {
    const shared = removal?.(incidentId);
    return {
      warning: shared?.warning ?? LOCAL_WARNING,
      refusal: shared?.refusal,
      remove: shared?.remove ?? (() => commands.deleteIncident(incidentId)),
    };
  };
}

/** "Incident verwijderen…" with a confirmation that says where the incident disappears. */
export function DeleteIncident({ incidentId, onDeleted }: { incidentId: string; onDeleted: () => void }) {
  const deletion = useIncidentDeletion()(incidentId);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  if (deletion.refusal) return <p className="quiet">{deletion.refusal}</p>;
  return (
    <>
      {!confirming ? (
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
          Incident verwijderen…
        </button>
      ) : (
        <div className="alert alert--error" role="alertdialog" aria-labelledby="verwijder-vraag">
          <p id="verwijder-vraag">Weet u het zeker? {deletion.warning}</p>
          <div className="actions">
            <AsyncButton
              className="button button--danger"
              onError={setError}
              onClick={async () => {
                setError(undefined);
                await deletion.remove();
                onDeleted();
              }}
            >
              Ja, definitief verwijderen
            </AsyncButton>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              Annuleren
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
