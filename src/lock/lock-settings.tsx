import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { getAppDatabase } from '../db/database.ts';
import type { KeyringRow } from '../db/rows.ts';
import { type Status, StatusMessage } from '../ui/status-message.tsx';
import { userMessageOf } from '../ui/user-message.ts';
import { useLockStatus } from './lock-gate.tsx';
import { changePassphrase, checkNewPassphrase, lockNow, readKeyring, setAutoLockMinutes } from './lock-service.ts';
import { PasskeySettings } from './passkey-settings.tsx';
import { PassphraseField } from './passphrase-field.tsx';
import { SetUpLockForm } from './set-up-lock.tsx';
import { TurnOffLockForm } from './turn-off-lock.tsx';

const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60] as const;

/** The "Beveiliging" section of the settings page: set up the lock, or change how it works. */
export function LockSettingsSection() {
  const status = useLockStatus();
  const keyring = useLiveQuery(() => readKeyring(getAppDatabase()), [status]);
  return (
    <section aria-labelledby="beveiliging-kop" id="beveiliging">
      <h2 id="beveiliging-kop">Beveiliging</h2>
      {status === 'off' && <SetUpLockForm />}
      {status === 'open' && keyring && <LockOptions keyring={keyring} />}
    </section>
  );
}

function LockOptions({ keyring }: { keyring: KeyringRow }) {
  const id = useId();
  const [status, setStatus] = useState<Status>();
  return (
    <>
      <p>
        De gegevens op dit apparaat zijn versleuteld met uw wachtzin. Zonder die wachtzin zijn ze niet te openen; een
        vergeten wachtzin kan niemand herstellen. Maak daarom geregeld een versleutelde back-up (Incidenten, Delen).
      </p>
      <label className="label" htmlFor={id}>
        Vergrendel automatisch na deze tijd op de achtergrond
      </label>
      <select
        id={id}
        className="input input--short"
        value={keyring.autoLockMinutes}
        onChange={async (e) => {
          try {
            await setAutoLockMinutes(getAppDatabase(), Number(e.target.value));
            setStatus({ kind: 'ok', text: 'Opgeslagen.' });
          } catch (error) {
            setStatus({ kind: 'error', text: userMessageOf(error) });
          }
        }}
      >
        {AUTO_LOCK_CHOICES.map((minutes) => (
          <option key={minutes} value={minutes}>
            {minutes === 1 ? '1 minuut' : `${minutes} minuten`}
          </option>
        ))}
      </select>
      <StatusMessage status={status} />
      <p>
        <button type="button" className="button button--secondary" onClick={lockNow}>
          Vergrendel nu
        </button>
      </p>
      <PasskeySettings keyring={keyring} />
      <h3>Wachtzin wijzigen</h3>
      <ChangePassphrase />
      <h3>Beveiliging uitzetten</h3>
      <TurnOffLockForm />
    </>
  );
}

function ChangePassphrase() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeated, setRepeated] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();
  const submit = async () => {
    const problem = checkNewPassphrase(next, repeated);
    if (problem) {
      setStatus({ kind: 'error', text: problem });
      return;
    }
    setBusy(true);
    try {
      const result = await changePassphrase(getAppDatabase(), current, next);
      setStatus(
        result.ok ? { kind: 'ok', text: 'Uw wachtzin is gewijzigd.' } : { kind: 'error', text: result.message },
      );
      if (result.ok) {
        setCurrent('');
        setNext('');
        setRepeated('');
      }
    } catch (error) {
      setStatus({ kind: 'error', text: userMessageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="form">
      <PassphraseField label="Huidige wachtzin" value={current} onChange={setCurrent} />
      <PassphraseField label="Nieuwe wachtzin" value={next} onChange={setNext} />
      <PassphraseField label="Nieuwe wachtzin nog een keer" value={repeated} onChange={setRepeated} onEnter={submit} />
      <StatusMessage status={status} />
      <button type="button" className="button" onClick={submit} disabled={busy}>
        {busy ? 'Bezig…' : 'Wachtzin wijzigen'}
      </button>
    </div>
  );
}
