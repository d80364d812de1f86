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
    <section className="banner data-loss" aria-labelledby={title}>
      <h2 id={title}>De browser heeft de gegevens van deze app gewist</h2>
      <p>
        Bij het openen op {formatDateTime(report.at)} vond de browser de opgeslagen gegevens van deze app beschadigd, en
        heeft ze gewist. Dat kan gebeuren als het apparaat of de browser vastliep tijdens het opslaan. Weg zijn de
        incidenten, logboeken en instellingen op dit apparaat, de koppeling met uw team en de beveiliging met een
        wachtzin.
      </p>
      <ul>
        <li>
          Heeft u een back-up of een exportbestand? Zet het terug onder{' '}
          <Link to="/incidenten/delen">Incidenten, Delen</Link>.
        </li>
        <li>
          Was dit apparaat gekoppeld aan een team? De gedeelde incidenten staan nog op de server. Vraag uw coördinator
          om een nieuwe uitnodiging, en laat de oude koppeling van dit apparaat intrekken.
        </li>
        <li>
          Had u de app beveiligd? Stel de beveiliging opnieuw in onder{' '}
          <Link to="/incidenten/instellingen">Incidenten, Instellingen</Link>.
        </li>
      </ul>
      {report.message && <p className="quiet">Melding van de browser: {report.message}</p>}
      <div className="banner__actions">
        <button type="button" className="button" onClick={dismissDataLossReport}>
          Begrepen
        </button>
      </div>
    </section>
  );
}
