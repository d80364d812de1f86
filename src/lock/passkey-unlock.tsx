import { useEffect, useState } from 'react';
import { getAppDatabase } from '../db/database.ts';
import { userMessageOf } from '../ui/user-message.ts';
import { readKeyring, unlockWithPasskey } from './lock-service.ts';
import { passkeyUnlockSupported } from './passkey.ts';

/** "Ontgrendel met passkey" on the lock screen, where a passkey is enrolled and the browser can use it. */
export function PasskeyUnlock() {
  const [offered, setOffered] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  useEffect(() => {
    let active = true;
    Promise.all([readKeyring(getAppDatabase()), passkeyUnlockSupported()]).then(
      ([row, supported]) => active && setOffered(supported && (row?.passkeys?.length ?? 0) > 0),
      () => {},
    );
    return () => {
      active = false;
    };
  }, []);
  if (!offered) return null;
  const submit = async () => {
    // One WebAuthn request at a time: a double tap must not start a second dialog.
    if (busy) return;
    setBusy(true);
    setMessage(undefined);
    try {
      const result = await unlockWithPasskey(getAppDatabase());
      if (!result.ok) setMessage(result.message);
    } catch (error) {
      setMessage(userMessageOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="lock-screen__passkey">
      <button type="button" className="button" onClick={submit} disabled={busy} aria-busy={busy || undefined}>
        {busy ? 'Bezig met ontgrendelen…' : 'Ontgrendel met passkey'}
      </button>
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
      <p className="quiet">Of vul uw wachtzin in.</p>
    </div>
  );
}
