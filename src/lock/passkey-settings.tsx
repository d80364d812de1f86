import { useEffect, useId, useRef, useState } from 'react';
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
  const [removing, setRemoving] = useState(false);
  const questionId = useId();
  const focus = useFocusAfterRender();
  useEffect(() => {
    let active = true;
    passkeyEnrolSupported().then((yes) => active && setSupported(yes));
    return () => {
      active = false;
    };
  }, []);
  const enrolled = (keyring.passkeys?.length ?? 0) > 0;
  // Once removed on a browser that cannot enrol, the heading and the outcome still show
  // (also in between, so the live region the outcome arrives in stays the same).
  if (!supported && !enrolled && !status && !removing) return null;

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
  const ask = () => {
    setStatus(undefined);
    setConfirming(true);
    focus.next('question');
  };
  const cancel = () => {
    setConfirming(false);
    focus.next('remove');
  };
  const remove = async () => {
    // The focused button stays enabled (disabling it would drop the focus); a second press waits for the first.
    if (removing) return;
    setRemoving(true);
    try {
      await removePasskeys(getAppDatabase());
      setStatus({ kind: 'ok', text: 'De passkey is verwijderd. Ontgrendel voortaan met uw wachtzin.' });
      // The button and the question are gone: the section's heading, followed by the outcome.
      focus.next('heading');
    } catch (error) {
      setStatus({ kind: 'error', text: userMessageOf(error) });
      focus.next('remove');
    } finally {
      setConfirming(false);
      setRemoving(false);
    }
  };
  return (
    <>
      <h3 ref={focus.ref('heading')} tabIndex={-1}>
        Ontgrendelen met vingerafdruk of gezicht
      </h3>
      {/* Outside the branches: a removal swaps them, and the outcome must stay in the same live region. */}
      <StatusMessage status={status} />
      {enrolled ? (
        <>
          <p>U kunt de app ontgrendelen met een passkey op dit apparaat. Uw wachtzin blijft daarnaast altijd werken.</p>
          {confirming ? (
            <div
              className="alert alert--warning"
              role="alertdialog"
              aria-labelledby={questionId}
              onKeyDown={(event) => event.key === 'Escape' && cancel()}
            >
              <p id={questionId} ref={focus.ref('question')} tabIndex={-1}>
                Weet u het zeker? Daarna ontgrendelt u alleen nog met uw wachtzin.
              </p>
              <div className="actions">
                <button
                  type="button"
                  className="button button--danger"
                  onClick={remove}
                  aria-busy={removing || undefined}
                >
                  Ja, verwijder de passkey
                </button>
                <button type="button" className="button button--secondary" onClick={cancel}>
                  Annuleren
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button button--secondary" onClick={ask} ref={focus.ref('remove')}>
              Passkey verwijderen
            </button>
          )}
        </>
      ) : supported ? (
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
          <button type="button" className="button button--secondary" onClick={enrol} disabled={busy}>
            {busy ? 'Bezig…' : 'Passkey instellen'}
          </button>
        </div>
      ) : null}
    </>
  );
}

type FocusTarget = 'question' | 'remove' | 'heading';

/**
 * Moves the keyboard focus once the element it should go to is on screen: the question when
 * the confirmation opens, back to "Passkey verwijderen" after cancelling (or a failure), the
 * section's heading after the removal, so nobody is left on a button that vanished.
 */
function useFocusAfterRender() {
  const elements = useRef(new Map<FocusTarget, HTMLElement>());
  const pending = useRef<FocusTarget>(undefined);
  const [, rendered] = useState(0);
  useEffect(() => {
    const element = pending.current && elements.current.get(pending.current);
    if (!element) return;
    pending.current = undefined;
    element.focus();
  });
  return {
    next(target: FocusTarget) {
      pending.current = target;
      rendered((n) => n + 1);
    },
    ref: (target: FocusTarget) => (element: HTMLElement | null) => {
      if (element) elements.current.set(target, element);
      else elements.current.delete(target);
    },
  };
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
