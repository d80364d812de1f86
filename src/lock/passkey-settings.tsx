import { useEffect, useState } from 'react';
import { getAppDatabase } from '../db/database.ts';
import type { KeyringRow } from '../db/rows.ts';
import { type Status, StatusMessage } from '../ui/status-message.tsx';
import { userMessageOf } from '../ui/user-message.ts';
import { enrolPasskey, PasskeyUnavailableError, passkeyEnrolSupported, removePasskeys } from './passkey.ts';
import { PassphraseField } from './passphrase-field.tsx';

/** Settings: unlock with a passkey as well as the passphrase, where the browser supports it. */
export function PasskeySettings({ keyring }: { keyring: KeyringRow }) {
  const [supported, setSupported] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    let active = true;
    passkeyEnrolSupported().then((yes) => active && setSupported(yes));
    return () => {
      active = false;
    };
  }, []);
  const enrolled = (keyring.passkeys?.length ?? 0) > 0;
  if (!supported && !enrolled) return null;

  const enrol = async () => {
    if (!passphrase) {
      setStatus({ kind: 'error', text: 'Vul uw wachtzin in.' });
      return;
    }
    setBusy(true);
    try {
      const result = await enrolPasskey(getAppDatabase(), passphrase);
      setStatus(
        result.ok
          ? { kind: 'ok', text: 'De passkey is ingesteld. U kunt de app nu ook daarmee ontgrendelen.' }
          : { kind: 'error', text: result.message },
      );
    } catch (error) {
      setStatus({ kind: 'error', text: enrolFailure(error) });
    } finally {
      setPassphrase('');
      setBusy(false);
    }
  };
  const remove = async () => {
    setConfirming(false);
    try {
      await removePasskeys(getAppDatabase());
      setStatus({ kind: 'ok', text: 'De passkey is verwijderd. Ontgrendel voortaan met uw wachtzin.' });
    } catch (error) {
      setStatus({ kind: 'error', text: userMessageOf(error) });
    }
  };
  return (
    <>
      <h3>Ontgrendelen met vingerafdruk of gezicht</h3>
      {enrolled ? (
        <>
          <p>U kunt de app ontgrendelen met een passkey op dit apparaat. Uw wachtzin blijft daarnaast altijd werken.</p>
          <StatusMessage status={status} />
          {confirming ? (
            <div className="alert alert--warning">
              <p>Weet u het zeker? Daarna ontgrendelt u alleen nog met uw wachtzin.</p>
              <div className="actions">
                <button type="button" className="button button--danger" onClick={remove}>
                  Ja, verwijder de passkey
                </button>
                <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
                  Annuleren
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
              Passkey verwijderen
            </button>
          )}
        </>
      ) : (
        <div className="form">
          <p>
            Met een passkey ontgrendelt u de app met uw vingerafdruk, gezicht of de schermvergrendeling van het
            apparaat. Uw wachtzin blijft daarnaast altijd werken. Vul eerst uw wachtzin in.
          </p>
          <PassphraseField
            label="Wachtzin om een passkey in te stellen"
            value={passphrase}
            onChange={setPassphrase}
            onEnter={enrol}
          />
          <StatusMessage status={status} />
          <button type="button" className="button button--secondary" onClick={enrol} disabled={busy}>
            {busy ? 'Bezig…' : 'Passkey instellen'}
          </button>
        </div>
      )}
    </>
  );
}

function enrolFailure(error: unknown): string {
  if (error instanceof DOMException && error.name === 'NotAllowedError') {
    return 'Het instellen van de passkey is afgebroken. Er is niets gewijzigd.';
  }
  if (error instanceof PasskeyUnavailableError) {
    return 'Deze passkey kan de app niet ontgrendelen (de browser of het apparaat ondersteunt dat niet). Er is niets gewijzigd; uw wachtzin blijft werken.';
  }
  return userMessageOf(error);
}
