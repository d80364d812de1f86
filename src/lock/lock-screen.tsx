import { useState } from 'react';
import { getAppDatabase } from '../db/database.ts';
import { PageTitle } from '../ui/page-title.tsx';
import { userMessageOf } from '../ui/user-message.ts';
import { unlock } from './lock-service.ts';
import { PasskeyUnlock } from './passkey-unlock.tsx';
import { PassphraseField } from './passphrase-field.tsx';

/**
 * Shown instead of the incidents while the key is not in memory. Nothing personal is
 * rendered, the tab title is neutral, and there is no form element: the adviser's
 * unsaved text waits, sealed, in its draft.
 */
export function LockScreen() {
  const [passphrase, setPassphrase] = useState('');
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (busy) return;
    if (!passphrase) {
      setMessage('Vul uw wachtzin in.');
      return;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      const result = await unlock(getAppDatabase(), passphrase);
      if (!result.ok) setMessage(result.message);
    } catch (error) {
      setMessage(userMessageOf(error));
    } finally {
      setPassphrase('');
      setBusy(false);
    }
  };
  return (
    <section className="lock-screen">
      <PageTitle title="Vergrendeld">Vergrendeld</PageTitle>
      <p>De gegevens op dit apparaat zijn versleuteld. Vul uw wachtzin in om verder te werken.</p>
      <PasskeyUnlock />
      <div className="form">
        <PassphraseField
          label="Wachtzin"
          value={passphrase}
          onChange={setPassphrase}
          onEnter={submit}
          autoFocus
          invalid={Boolean(message)}
        />
        {message && (
          <p className="field-error" role="alert">
            {message}
          </p>
        )}
        <button type="button" className="button" onClick={submit} aria-busy={busy || undefined}>
          {busy ? 'Bezig met ontgrendelen…' : 'Ontgrendel'}
        </button>
      </div>
      <details className="lock-screen__help">
        <summary>Wachtzin vergeten?</summary>
        <p>
          Zonder wachtzin kan niemand de gegevens op dit apparaat nog openen, ook de app niet. Heeft u een versleutelde
          back-up, dan kunt u de sitegegevens van deze app in de browser wissen en de back-up daarna terugzetten onder
          Incidenten, Delen.
        </p>
      </details>
    </section>
  );
}
