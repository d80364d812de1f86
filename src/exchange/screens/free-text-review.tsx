import { useId } from 'react';
import { LIMITS } from '../../model/limits.ts';
import { countOf, formatNumber } from '../../ui/format-number.ts';
import type { FreeTextChoice, FreeTextHit } from '../export/anonymise.ts';
import { PERSONAL_DATA_LABEL } from '../export/personal-data.ts';

interface Props {
  hits: FreeTextHit[];
  choices: Record<string, FreeTextChoice>;
  onChange(choices: Record<string, FreeTextChoice>): void;
}

/**
 * Every free text that would travel, with what the scanner found; the default is to drop
 * it. A kept text can be edited first; the edit is scanned again, and whatever is
 * recognised anywhere in the incident is removed from it too.
 */
export function FreeTextReview({ hits, choices, onChange }: Props) {
  if (hits.length === 0) return <p className="quiet">Er zit geen vrije tekst in deze incidenten.</p>;
  const all = (choice: 'drop' | 'keep') => onChange(Object.fromEntries(hits.map((hit) => [hit.key, choice])));
  const kept = hits.filter((hit) => (choices[hit.key] ?? 'drop') !== 'drop').length;
  return (
    <>
      <p>
        {countOf(hits.length, 'tekst', 'teksten')}; u stuurt er {formatNumber(kept)} mee. Wat u meestuurt, gaat zonder
        de namen, adressen en nummers die de app ergens in het incident herkent.
      </p>
      <p className="actions">
        <button type="button" className="button button--secondary" onClick={() => all('drop')}>
          Alles weglaten
        </button>
        <button type="button" className="button button--secondary" onClick={() => all('keep')}>
          Alles meesturen, zonder de gevonden gegevens
        </button>
      </p>
      <ol className="free-text-review" aria-label="Vrije teksten">
        {hits.map((hit) => (
          <FreeTextItem
            key={hit.key}
            hit={hit}
            choice={choices[hit.key] ?? 'drop'}
            onChange={(choice) => onChange({ ...choices, [hit.key]: choice })}
          />
        ))}
      </ol>
    </>
  );
}

function FreeTextItem({
  hit,
  choice,
  onChange,
}: {
  hit: FreeTextHit;
  choice: FreeTextChoice;
  onChange(choice: FreeTextChoice): void;
}) {
  const id = useId();
  const editing = typeof choice === 'object';
  return (
    <li className="free-text-review__item">
      <p className="entry__text">{hit.text}</p>
      <p className="entry__meta">
        {hit.hits.length === 0
          ? 'Geen persoonsgegevens herkend. Controleer zelf op namen.'
          : `Gevonden: ${hit.hits.map((h) => `${PERSONAL_DATA_LABEL[h.kind]} "${h.text}"`).join(', ')}`}
      </p>
      <fieldset className="choice-group choice-group--inline">
        <legend className="visually-hidden">Wat gebeurt er met deze tekst?</legend>
        <label className="choice">
          <input type="radio" name={`keuze-${hit.key}`} checked={choice === 'drop'} onChange={() => onChange('drop')} />
          Weglaten
        </label>
        <label className="choice">
          <input type="radio" name={`keuze-${hit.key}`} checked={choice === 'keep'} onChange={() => onChange('keep')} />
          Meesturen, zonder de gevonden gegevens
        </label>
        <label className="choice">
          <input
            type="radio"
            name={`keuze-${hit.key}`}
            checked={editing}
            onChange={() => onChange({ edited: hit.text })}
          />
          Aangepast meesturen
        </label>
      </fieldset>
      {editing && (
        <>
          <label className="label" htmlFor={id}>
            Tekst die meegaat
          </label>
          <textarea
            id={id}
            className="textarea"
            maxLength={LIMITS.freeText}
            value={choice.edited}
            onChange={(e) => onChange({ edited: e.target.value })}
          />
          <p className="entry__meta">Wat de app herkent als naam, adres of nummer, gaat er ook hier uit.</p>
        </>
      )}
    </li>
  );
}
