import { useId, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { dismissDataLossReport, onDataLossReport, readDataLossReport } from '../db/data-loss.ts';
import { formatDateTime } from '../ui/format-date.ts';

/**
 * Said on every page after the browser deleted the app's database as corrupt, until the
 * adviser has read it: otherwise the app just looks new, and the incidents that were on
 * the device are gone without a word. It names what is gone and what can come back.
 */
export function DataLossNotice() {
  const report = useSyncExternalStore(onDataLossReport, readDataLossReport);
  const title = useId();
  if (!report) return null;
  return (
    <section className="alert alert--warning data-loss" aria-labelledby={title}>
      <h2 id={title}>De browser heeft de gegevens van deze app gewist</h2>
      <p>
        Toen de app op {formatDateTime(report.at)} opende, waren de opgeslagen gegevens beschadigd. De browser heeft ze
        daarom gewist. Dat kan gebeuren als het apparaat of de browser vastliep tijdens het opslaan.
      </p>
      <p>
        Weg zijn: de incidenten, logboeken en instellingen op dit apparaat, de lokale aanvullingen en contacten van uw
        gemeente, de koppeling met uw team en de beveiliging (wachtzin en passkey).
      </p>
      <ul>
        <li>
          Heeft u een back-up of een exportbestand? Zet het terug via{' '}
          <Link to="/incidenten/delen">Delen en back-up</Link>, onder Importeren.
        </li>
        <li>
          Was dit apparaat gekoppeld aan een team? De gedeelde incidenten en de lokale aanvullingen staan nog op de
          server. Vraag uw coördinator om een nieuwe uitnodiging, en laat de oude koppeling van dit apparaat intrekken.
          Was u zelf de coördinator? Vraag dan de beheerder van de server om een nieuwe uitnodiging.
        </li>
        <li>
          Heeft u een bestand met de lokale aanvullingen? Lees het in via{' '}
          <Link to="/lokaal/bestand">Lokale laag importeren en exporteren</Link>.
        </li>
        <li>
          Had u de app beveiligd? Stel de beveiliging opnieuw in onder{' '}
          <Link to="/incidenten/instellingen#beveiliging">Instellingen, Beveiliging</Link>. Een oude passkey in uw
          wachtwoordbeheer hoort bij de gewiste gegevens; die kunt u daar verwijderen.
        </li>
      </ul>
      {report.message && <p className="quiet">Melding van de browser: {report.message}</p>}
      <div className="banner__actions">
        <button type="button" className="button" onClick={dismiss}>
          Begrepen
        </button>
      </div>
    </section>
  );
}

/** The button goes with the notice: keyboard and screen-reader users go on at the page's heading, not at the top. */
function dismiss() {
  dismissDataLossReport();
  document.querySelector<HTMLElement>('main h1')?.focus();
}
