import { useId, useState } from 'react';
import { Link } from 'react-router';
import { getAppDatabase } from '../../db/database.ts';
import { getActorName } from '../../db/settings.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { userMessageOf } from '../../ui/user-message.ts';
import { inviteCodeOf, ROLE_LABEL } from '../domain/protocol.ts';
import { pairDevice } from '../store/pairing.ts';
import { useSync } from './sync-context.tsx';

let taken: string | undefined;

/** Read once and taken out of the address bar: the code must not stay in the history. */
function takeCodeFromFragment(): string | undefined {
  taken = inviteCodeOf(window.location.hash) ?? taken;
  if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
  return taken;
}

/** /team/koppelen#code=…: redeem an invite; the device gets a token, stored sealed. */
export function PairPage() {
  const [code] = useState(takeCodeFromFragment);
  const { membership, client } = useSync();
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  if (membership?.token) {
    return (
      <>
        <PageTitle title="Team">Gekoppeld</PageTitle>
        <p className="alert alert--ok" role="status">
          Dit apparaat hoort bij team {membership.teamName} als {ROLE_LABEL[membership.role]}.
        </p>
        <p>
          <Link to="/incidenten">Naar de incidenten</Link> · <Link to="/incidenten/team">Team</Link>
        </p>
      </>
    );
  }
  if (!code) {
    return (
      <>
        <PageTitle title="Team">Koppelen aan een team</PageTitle>
        <p>
          Deze link bevat geen geldige uitnodiging. Vraag de coördinator van uw team om een nieuwe uitnodiging (QR-code
          of link).
        </p>
      </>
    );
  }
  return (
    <>
      <PageTitle title="Team">Koppelen aan een team</PageTitle>
      <p>
        Met deze uitnodiging gaat dit apparaat meedoen met het team van uw gemeente. Incidenten blijven op dit apparaat
        tot u ze zelf met het team deelt.
      </p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setFailure(undefined);
          try {
            const db = getAppDatabase();
            const deviceName = name.trim() || `Apparaat van ${(await getActorName(db)) || 'onbekend'}`;
            await pairDevice(db, code, deviceName.slice(0, 100));
            client?.kick();
          } catch (error) {
            setFailure(userMessageOf(error));
          } finally {
            setBusy(false);
          }
        }}
      >
        <label className="label" htmlFor={nameId}>
          Naam van dit apparaat (ziet de coördinator, bijvoorbeeld "Telefoon Jan")
        </label>
        <input
          id={nameId}
          className="input"
          value={name}
          maxLength={100}
          autoComplete="off"
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          Koppelen
        </button>
      </form>
      {failure && (
        <p className="alert alert--error" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}
