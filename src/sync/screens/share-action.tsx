import { useEffect, useState } from 'react';
import { getAppDatabase } from '../../db/database.ts';
import { readLog } from '../../db/event-log.ts';
import { userMessageOf } from '../../ui/user-message.ts';
import { foreignUnacked } from '../domain/outbox.ts';
import { staysLocalText } from '../domain/stays-local.ts';
import { SHARE_REFUSAL_MESSAGE, shareIncident } from '../store/pairing.ts';
import { IncidentSyncLine } from './incident-sync-line.tsx';
import { useSync } from './sync-context.tsx';

/** In the incident header: "Delen met team" for an incident not shared yet. Nothing without a team. */
export function ShareAction({ incidentId }: { incidentId: string }) {
  const { membership, shared, client } = useSync();
  const [message, setMessage] = useState<string>();
  if (!membership?.token) return null;
  // A shared incident's state is under the tabs (SharedStatus): the header stays short.
  if (shared.has(incidentId) || membership.role === 'meelezer') return null;
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

/** Under a shared incident's tabs: whether its changes reached the team, and what stays on this device. */
export function SharedStatus({ incidentId }: { incidentId: string }) {
  const { membership, shared } = useSync();
  if (!membership?.token || !shared.has(incidentId)) return null;
  return (
    <>
      <IncidentSyncLine incidentId={incidentId} />
      <StaysLocalNote incidentId={incidentId} />
    </>
  );
}

/**
 * Entries of other devices in this shared incident that the team does not get (from an
 * imported file). Read once when the incident opens, not on every tap: such entries only
 * arrive by an import, on another screen.
 */
function StaysLocalNote({ incidentId }: { incidentId: string }) {
  const { deviceId } = useSync();
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!deviceId) return;
    let active = true;
    const db = getAppDatabase();
    Promise.all([readLog(db, incidentId), db.syncIncidents.get(incidentId)])
      .then(([log, row]) => active && setCount(foreignUnacked(log, new Set(row?.acked), deviceId)))
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [incidentId, deviceId]);
  const text = staysLocalText(count);
  return text ? <p className="quiet">{text}</p> : null;
}
