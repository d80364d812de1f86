import { useState } from 'react';
import { getAppDatabase } from '../../db/database.ts';
import { userMessageOf } from '../../ui/user-message.ts';
import { SHARE_REFUSAL_MESSAGE, shareIncident } from '../store/pairing.ts';
import { useSync } from './sync-context.tsx';

/** In the incident header: "Delen met team", or that the incident is shared. Nothing without a team. */
export function ShareAction({ incidentId }: { incidentId: string }) {
  const { membership, shared, client } = useSync();
  const [message, setMessage] = useState<string>();
  if (!membership?.token) return null;
  if (shared.has(incidentId)) return <p className="tag">Gedeeld met team {membership.teamName}</p>;
  if (membership.role === 'meelezer') return null;
  return (
    <div>
      <button
        type="button"
        className="button button--secondary"
        onClick={async () => {
          if (
            !window.confirm(
              `Dit incident met team ${membership.teamName} delen? Het hele logboek gaat naar de server van het team.`,
            )
          )
            return;
          try {
            const refusal = await shareIncident(getAppDatabase(), incidentId, new Date());
            if (refusal) setMessage(SHARE_REFUSAL_MESSAGE[refusal]);
            else client?.kick();
          } catch (error) {
            setMessage(userMessageOf(error));
          }
        }}
      >
        Delen met team
      </button>
      {message && <p role="alert">{message}</p>}
    </div>
  );
}
