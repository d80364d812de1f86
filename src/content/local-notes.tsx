import type { AnnotationView } from '../model/local-layer.ts';
import { LocalContactList } from './local-contacts.tsx';

/**
 * The municipality's note on a national step or instrument. A note written against an older
 * national text is flagged so the adviser checks it still fits; an orphan keeps its text intact.
 */
export function LocalNote({ view, municipality }: { view: AnnotationView; municipality: string }) {
  const { annotation, contacts, state } = view;
  return (
    <section className="local-note" aria-label={`Lokale aanvulling van ${municipality}`}>
      <p className="local-note__head">
        <span className="local-badge">Lokaal</span> Aanvulling van {municipality}
      </p>
      {state === 'gewijzigd' && (
        <p className="alert alert--warning local-note__flag" role="note">
          <strong>Landelijke tekst gewijzigd, controleer uw aanvulling.</strong> De aanvulling is geschreven bij een
          eerdere versie van de landelijke tekst.
        </p>
      )}
      {state === 'verweesd' && (
        <p className="alert alert--warning local-note__flag" role="note">
          <strong>Landelijke stap of instrument vervallen.</strong> De aanvulling is bewaard; verplaats of verwijder
          haar.
        </p>
      )}
      {annotation.note && <p className="local-note__text">{annotation.note}</p>}
      <LocalContactList contacts={contacts} label={`Contacten bij deze aanvulling van ${municipality}`} />
    </section>
  );
}

/** A national step this municipality does not use: said in words, next to the greyed national text. */
export function NotApplicableNote({ municipality, reason }: { municipality: string; reason: string }) {
  return (
    <p className="local-nvt">
      <strong>Niet van toepassing in {municipality}</strong>: {reason}
    </p>
  );
}

/** In place of the national trust note: a local step was written by the municipality, not reviewed nationally. */
export function LocalStepNote({ municipality, displaced }: { municipality: string; displaced: boolean }) {
  return (
    <>
      <p className="local-step-note">
        <span className="local-badge">Lokaal</span> Lokale stap van {municipality}. Niet landelijk getoetst.
      </p>
      {displaced && (
        <p className="alert alert--warning" role="note">
          De landelijke stap waarna deze stap kwam, staat niet meer in deze fase. De stap staat nu aan het eind van de
          fase; controleer de plaats onder Lokaal.
        </p>
      )}
    </>
  );
}
