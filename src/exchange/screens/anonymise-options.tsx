import type { TimePrecision } from '../export/amsterdam-time.ts';

const PRECISION_LABEL: Record<TimePrecision, string> = {
  day: 'Alleen de dag (aanbevolen)',
  hour: 'De dag en het uur',
  month: 'Alleen de maand',
};

/** What an anonymised file keeps and what it loses, and how finely the incident time stays. */
export function AnonymiseOptions({
  precision,
  onPrecision,
}: {
  precision: TimePrecision;
  onPrecision(precision: TimePrecision): void;
}) {
  return (
    <>
      <div className="anonymise-explained">
        <p>
          <strong>Blijft in het bestand:</strong> de gemeente, de vier cijfers van de postcode, soort incident en
          doelwit, de fase, de status van elke stap met de tijdstippen, en de besluiten (instrument, uitkomst en
          afwegingen).
        </p>
        <p>
          <strong>Gaat eruit:</strong> straat en huisnummer, de letters van de postcode, het precieze tijdstip van het
          incident, namen van adviseurs (die worden "Adviseur 1", "Adviseur 2"), en in vrije tekst namen, adressen,
          telefoonnummers, e-mailadressen, kentekens, rekeningnummers en nummers die op een BSN lijken. Vrije tekst gaat
          alleen mee als u dat hieronder per tekst kiest.
        </p>
      </div>
      <fieldset className="choice-group">
        <legend>Tijdstip van het incident in het bestand</legend>
        {(['day', 'hour', 'month'] as const).map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name="time-precision"
              checked={precision === option}
              onChange={() => onPrecision(option)}
            />
            {PRECISION_LABEL[option]}
          </label>
        ))}
      </fieldset>
    </>
  );
}
