import { useState } from 'react';
import { getAppDatabase } from '../db/database.ts';
import { type Status, StatusMessage } from '../ui/status-message.tsx';
import { userMessageOf } from '../ui/user-message.ts';
import { turnOffLock } from './lock-service.ts';
import { PassphraseField } from './passphrase-field.tsx';

/**
 * Turning the lock off, with the passphrase: the lock gate then decrypts everything in
 * place (crash-safe) and removes the wrapped key. Said plainly what it means.
 */
export function TurnOffLockForm() {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();
  const submit = async () => {
    if (!passphrase) {
      setStatus({ kind: 'error', text: 'Vul uw wachtzin in.' });
      return;
    }
    setBusy(true);
    try {
      const result = await turnOffLock(getAppDatabase(), passphrase);
      if (!result.ok) setStatus({ kind: 'error', text: result.message });
    } catch (error) {
      setStatus({ kind: 'error', text: userMessageOf(error) });
    } finally {
      setPassphrase('');
      setBusy(false);
    }
  };
  return (
    <div className="form">
      <p>
        Zonder beveiliging staan adressen, notities, logregels en besluiten weer onversleuteld op dit apparaat, en
        vergrendelt de app zich niet meer. Wie uw telefoon vindt, kan ze dan lezen.
      </p>
      <PassphraseField
        label="Wachtzin om de beveiliging uit te zetten"
        value={passphrase}
        onChange={setPassphrase}
        onEnter={submit}
      />
      <StatusMessage status={status} />
      <button type="button" className="button button--secondary" onClick={submit} disabled={busy}>
        {busy ? 'Bezig…' : 'Beveiliging uitzetten'}
      </button>
    </div>
  );
}
