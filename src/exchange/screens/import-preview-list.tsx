import { useState } from 'react';
import { STEP_STATUS_LABEL } from '../../incidents/domain/labels.ts';
import { formatDateTime } from '../../ui/format-date.ts';
import { countOf, formatNumber } from '../../ui/format-number.ts';
import { titleWithMunicipality } from '../../ui/place-label.ts';
import type { ImportPreview, IncidentPreview } from '../import/import-preview.ts';

const CHANGE_LABEL = { new: 'nieuw', merged: 'wordt samengevoegd', unchanged: 'al aanwezig, verandert niet' } as const;

/** A long preview is of no use on a phone: the counts first, then the first rows, conflicts on top. */
const PREVIEW_ROWS = 20;

export function PreviewCounts({ preview }: { preview: ImportPreview }) {
  const all = [...preview.incidents, ...preview.network];
  if (all.length < 2) return null;
  const count = (change: IncidentPreview['change']) => all.filter((p) => p.change === change).length;
  const parts = [
    [count('new'), 'nieuw'],
    [count('merged'), 'samen te voegen'],
    [count('unchanged'), 'al aanwezig'],
  ] as const;
  return (
    <p>
      {countOf(all.length, 'incident', 'incidenten')}:{' '}
      {parts
        .filter(([n]) => n > 0)
        .map(([n, label]) => `${formatNumber(n)} ${label}`)
        .join(', ')}
      {preview.conflicts > 0 ? `; ${countOf(preview.conflicts, 'verschil', 'verschillen')} bij stappen` : ''}.
    </p>
  );
}

export function PreviewList({ preview, stepTitle }: { preview: ImportPreview; stepTitle: (stepId: string) => string }) {
  const [showAll, setShowAll] = useState(false);
  const own = [...preview.incidents].sort((a, b) => b.conflicts.length - a.conflicts.length);
  const rows = [...own.map((p) => ({ p, network: false })), ...preview.network.map((p) => ({ p, network: true }))];
  if (rows.length === 0) return null;
  const shown = showAll ? rows : rows.slice(0, PREVIEW_ROWS);
  return (
    <>
      <ul className="plain-list preview__list">
        {shown.map(({ p, network }) =>
          network ? (
            <li key={`n-${p.incidentId}`}>
              Uit het netwerk: <strong>{p.title}</strong>: {CHANGE_LABEL[p.change]}
            </li>
          ) : (
            <li key={p.incidentId}>
              <strong>{titleWithMunicipality(p.title, p.municipality)}</strong>: {CHANGE_LABEL[p.change]},{' '}
              {formatNumber(p.eventsAdded)} van {countOf(p.eventsInFile, 'vastlegging', 'vastleggingen')} nieuw
              {p.conflicts.length > 0 && (
                <ul>
                  {p.conflicts.map((c) => (
                    <li key={c.stepId} className="conflict">
                      Verschil bij "{stepTitle(c.stepId)}": hier {STEP_STATUS_LABEL[c.local.status]} ({c.local.actor},{' '}
                      {formatDateTime(c.local.at)}), in het bestand {STEP_STATUS_LABEL[c.incoming.status]} (
                      {c.incoming.actor}, {formatDateTime(c.incoming.at)}). Na het importeren geldt de{' '}
                      {c.winner === 'incoming' ? 'wijziging uit het bestand' : 'wijziging op dit apparaat'} (de
                      laatste); beide blijven zichtbaar in het logboek.
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ),
        )}
      </ul>
      {rows.length > PREVIEW_ROWS && (
        // Stays in place when the list opens, so keyboard focus is not lost.
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={showAll}
          onClick={() => setShowAll((all) => !all)}
        >
          {showAll ? `Toon alleen de eerste ${PREVIEW_ROWS}` : `Toon alle ${formatNumber(rows.length)} incidenten`}
        </button>
      )}
    </>
  );
}
