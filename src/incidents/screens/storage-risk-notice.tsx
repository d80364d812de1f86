import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { readStorageStatus } from '../../db/storage-persistence.ts';

type Answer = 'granted' | 'refused' | 'unavailable';

/**
 * Asks the browser again, every time: ensurePersistentStorage asks once per page load,
 * but an adviser who taps the button after installing the app deserves a fresh answer.
 */
async function askAgain(): Promise<Answer> {
  if (!navigator.storage?.persist) return 'unavailable';
  try {
    return (await navigator.storage.persist()) ? 'granted' : 'refused';
  } catch {
    return 'refused';
  }
}

const ANSWER_TEXT: Record<Answer, string> = {
  granted: 'Gelukt: de browser bewaart uw gegevens nu blijvend.',
  refused:
    'De browser weigert opnieuw. Dat beslist de browser zelf, vaak pas als de app op het beginscherm staat en vaker is gebruikt. Maak tot dan na elk incident een back-up.',
  unavailable: 'Deze browser kan geen blijvende opslag geven. Maak na elk incident een back-up.',
};

/** The request and its answer, always visible: a tap that shows nothing reads as broken. */
export function PersistRequestButton({ onGranted }: { onGranted?(): void }) {
  const [answer, setAnswer] = useState<Answer>();
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setAnswer(undefined);
          const next = await askAgain();
          setAnswer(next);
          setBusy(false);
          if (next === 'granted') onGranted?.();
        }}
      >
        Vraag blijvende opslag aan
      </button>
      <p role="status" className={answer === 'granted' ? 'quiet' : 'field-note'}>
        {busy ? 'De browser wordt gevraagd…' : answer ? ANSWER_TEXT[answer] : ''}
      </p>
    </>
  );
}

/**
 * Where it matters (the incident list, a new incident): when the browser has not granted
 * persistent storage, say what that means and what to do, not only on the "Over" page.
 */
export function StorageRiskNotice({ compact = false }: { compact?: boolean }) {
  const [persisted, setPersisted] = useState<boolean>();
  useEffect(() => {
    let live = true;
    readStorageStatus()
      .then((status) => live && setPersisted(!status.supported || status.persisted))
      .catch(() => live && setPersisted(true));
    return () => {
      live = false;
    };
  }, []);
  if (persisted !== false) return null;
  const explanation = (
    <>
      <p>
        De browser heeft geen blijvende opslag gegeven. Raakt de opslag van het apparaat vol, dan mag de browser wat u
        hier vastlegt wissen. Maak daarom na elk incident een back-up onder{' '}
        <Link to="/incidenten/delen">Delen en back-up</Link>, of werk met een team zodra uw gemeente dat heeft.
      </p>
      <PersistRequestButton onGranted={() => setPersisted(true)} />
    </>
  );
  if (compact) {
    // In a new incident the form comes first: one line, the explanation a tap away.
    return (
      <details className="alert alert--warning storage-risk">
        <summary>Opslag niet blijvend: wat betekent dit?</summary>
        {explanation}
      </details>
    );
  }
  return (
    <section className="alert alert--warning storage-risk" aria-labelledby="opslag-risico-kop">
      <h2 id="opslag-risico-kop" className="alert__title">
        Uw gegevens staan niet blijvend op dit apparaat
      </h2>
      {explanation}
    </section>
  );
}
