import { useState } from 'react';
import { getAppDatabase } from '../db/database.ts';
import { type Status, StatusMessage } from '../ui/status-message.tsx';
import { userMessageOf } from '../ui/user-message.ts';
import { checkNewPassphrase, MIN_PASSPHRASE_LENGTH, setUpLock } from './lock-service.ts';
import { PassphraseField } from './passphrase-field.tsx';

/**
 * Setting up the lock: a passphrase, typed twice, with the one thing the adviser must
 * know beforehand: a forgotten passphrase cannot be recovered. After setting up, the
 * lock gate seals what is already stored.
 */
export function SetUpLockForm() {
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();
  const submit = async () => {
    const problem = checkNewPassphrase(passphrase, repeated);
    if (problem) {
      setStatus({ kind: 'error', text: problem });
      return;
    }
    setBusy(true);
    try {
      await setUpLock(getAppDatabase(), passphrase);
    } catch (error) {
      setStatus({ kind: 'error', text: userMessageOf(error) });
      setBusy(false);
    }
  };
  return (
    <>
      <p>
        Beveilig de gegevens op dit apparaat met een wachtzin. Adressen, notities, logregels en besluiten worden dan
        versleuteld opgeslagen, en de app vergrendelt zich als u hem een tijd niet gebruikt. Wie uw telefoon vindt, kan
        ze zonder de wachtzin niet lezen.
      </p>
      <p className="alert alert--warning">
        Onthoud uw wachtzin goed. Bent u hem vergeten, dan kan niemand de gegevens op dit apparaat nog openen, ook de
        makers van de app niet. Maak daarom geregeld een versleutelde back-up (Incidenten, Delen).
      </p>
      <div className="form">
        <PassphraseField
          label={`Wachtzin (minstens ${MIN_PASSPHRASE_LENGTH} tekens, bijvoorbeeld vier losse woorden)`}
          value={passphrase}
          onChange={setPassphrase}
        />
        <PassphraseField label="Wachtzin nog een keer" value={repeated} onChange={setRepeated} onEnter={submit} />
        <StatusMessage status={status} />
        <button type="button" className="button" onClick={submit} disabled={busy}>
          {busy ? 'Bezig…' : 'Beveilig met deze wachtzin'}
        </button>
      </div>
    </>
  );
}
