import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format-date.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { userMessageOf } from '../../ui/user-message.ts';
import { type AccessEntry, ROLE_LABEL, type SharedIncident, type TeamDevice } from '../domain/protocol.ts';
import { syncApi } from '../store/api.ts';
import { InviteSection } from './invite-section.tsx';
import { useSync } from './sync-context.tsx';
import { SyncStatus } from './sync-status.tsx';

const ACCESS_LABEL: Record<AccessEntry['access'], string> = {
  read: 'gelezen',
  write: 'gewijzigd',
  purge: 'verwijderd',
};

/** The team: state, and for the coordinator invites, devices (revoke) and the access log. */
export function TeamPage() {
  const { membership } = useSync();
  if (membership === undefined) return <p className="quiet">Laden…</p>;
  return (
    <>
      <PageTitle title="Team">Team</PageTitle>
      {!membership ? (
        <p>
          Dit apparaat hoort niet bij een team. Vraag de coördinator van uw gemeente om een uitnodiging (QR-code of
          link). Zonder team werkt de app zoals altijd; incidenten delen kan ook met een bestand.
        </p>
      ) : (
        <>
          <SyncStatus />
          <p>
            Dit apparaat ({membership.deviceName}) hoort bij team {membership.teamName} als{' '}
            {ROLE_LABEL[membership.role]}.
          </p>
          {membership.token && membership.role === 'coordinator' && (
            <>
              <InviteSection token={membership.token} />
              <DevicesSection token={membership.token} own={membership.deviceNumber} />
              <AccessSection token={membership.token} />
            </>
          )}
        </>
      )}
      <p>
        <Link to="/incidenten">Naar de incidenten</Link>
      </p>
    </>
  );
}

function useLoad<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T>();
  const [failure, setFailure] = useState<string>();
  const reload = useCallback(() => {
    load()
      .then((value) => {
        setData(value);
        setFailure(undefined);
      })
      .catch((error: unknown) => setFailure(userMessageOf(error)));
  }, [load]);
  useEffect(reload, [reload]);
  return { data, failure, reload };
}

function DevicesSection({ token, own }: { token: string; own?: number }) {
  const load = useCallback(() => syncApi.devices(token), [token]);
  const { data, failure, reload } = useLoad(load);
  return (
    <section aria-labelledby="apparaten-kop">
      <h2 id="apparaten-kop">Apparaten van het team</h2>
      {failure && <p role="alert">{failure}</p>}
      <ul className="plain-list">
        {data?.devices.map((device: TeamDevice) => (
          <li key={device.id}>
            <strong>{device.name}</strong> ({ROLE_LABEL[device.role]}) · laatste contact{' '}
            {device.lastSeenAt ? formatDateTime(device.lastSeenAt) : 'nog niet'}
            {device.revokedAt ? (
              ` · ingetrokken ${formatDateTime(device.revokedAt)}`
            ) : device.id === own ? (
              ' · dit apparaat'
            ) : (
              <button
                type="button"
                className="button button--danger"
                aria-label={`Intrekken: ${device.name}`}
                onClick={async () => {
                  if (!window.confirm(`${device.name} intrekken? Het apparaat kan daarna niet meer bij het team.`))
                    return;
                  try {
                    await syncApi.revoke(token, device.id);
                  } finally {
                    reload();
                  }
                }}
              >
                Intrekken
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AccessSection({ token }: { token: string }) {
  const load = useCallback(() => syncApi.incidents(token), [token]);
  const { data, failure } = useLoad(load);
  const [shown, setShown] = useState<{ incident: SharedIncident; entries: AccessEntry[] }>();
  const [entryFailure, setEntryFailure] = useState<string>();
  return (
    <section aria-labelledby="toegang-kop">
      <h2 id="toegang-kop">Toegang per gedeeld incident</h2>
      {failure && <p role="alert">{failure}</p>}
      {data?.incidents.length === 0 && <p className="quiet">Nog geen gedeelde incidenten.</p>}
      <ul className="plain-list">
        {data?.incidents.map((incident) => (
          <li key={incident.id}>
            <Link to={`/incidenten/${incident.id}`}>Incident gedeeld {formatDateTime(incident.sharedAt)}</Link> door{' '}
            {incident.sharedBy} ({incident.events} wijzigingen){' '}
            <button
              type="button"
              className="button button--secondary"
              onClick={async () => {
                try {
                  setShown({ incident, entries: (await syncApi.access(token, incident.id)).entries });
                } catch (error) {
                  setEntryFailure(userMessageOf(error));
                }
              }}
            >
              Toon toegang
            </button>
          </li>
        ))}
      </ul>
      {entryFailure && <p role="alert">{entryFailure}</p>}
      {shown && (
        <table className="access-log">
          <caption>Wie las of wijzigde het incident van {formatDateTime(shown.incident.sharedAt)}</caption>
          <thead>
            <tr>
              <th scope="col">Tijdstip</th>
              <th scope="col">Apparaat</th>
              <th scope="col">Wat</th>
            </tr>
          </thead>
          <tbody>
            {shown.entries.map((entry, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the log is append-only and shown as fetched
              <tr key={i}>
                <td>{formatDateTime(entry.at)}</td>
                <td>
                  {entry.deviceName} ({ROLE_LABEL[entry.role]})
                </td>
                <td>{ACCESS_LABEL[entry.access]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
