import type { FreeTextChoice, FreeTextHit } from '../export/anonymise.ts';
import { PERSONAL_DATA_LABEL } from '../export/personal-data.ts';

interface Props {
  hits: FreeTextHit[];
  choices: Record<string, FreeTextChoice>;
  onChange(key: string, choice: FreeTextChoice): void;
}

/** Every free text that would travel, with what the scanner found; the default is to drop it. */
export function FreeTextReview({ hits, choices, onChange }: Props) {
  if (hits.length === 0) return <p className="quiet">Er zit geen vrije tekst in deze incidenten.</p>;
  return (
    <ol className="free-text-review" aria-label="Vrije teksten">
      {hits.map((hit) => {
        const choice = choices[hit.key] ?? 'drop';
        return (
          <li key={hit.key} className="free-text-review__item">
            <p className="entry__text">{hit.text}</p>
            <p className="entry__meta">
              {hit.hits.length === 0
                ? 'Geen persoonsgegevens herkend. Controleer zelf op namen.'
                : `Gevonden: ${hit.hits.map((h) => `${PERSONAL_DATA_LABEL[h.kind]} "${h.text}"`).join(', ')}`}
            </p>
            <fieldset className="choice-group choice-group--inline">
              <legend className="visually-hidden">Wat gebeurt er met deze tekst?</legend>
              <label className="choice">
                <input
                  type="radio"
                  name={`keuze-${hit.key}`}
                  checked={choice === 'drop'}
                  onChange={() => onChange(hit.key, 'drop')}
                />
                Weglaten
              </label>
              <label className="choice">
                <input
                  type="radio"
                  name={`keuze-${hit.key}`}
                  checked={choice === 'keep'}
                  onChange={() => onChange(hit.key, 'keep')}
                />
                Meesturen, zonder de gevonden gegevens
              </label>
            </fieldset>
          </li>
        );
      })}
    </ol>
  );
}
