import { useMemo, useState } from 'react';
import { useKader } from '../../content/kader-context.tsx';
import type { IncidentEvent } from '../../model/events.ts';
import { formatDateTime } from '../../ui/format-date.ts';
import { describeDecisionDatesChange } from '../../ui/format-term.ts';
import { ToggleGroup } from '../../ui/toggle-group.tsx';
import type { IncidentState } from '../domain/incident-state.ts';
import { buildTimeline, type TimelineItem, type TimelineKind } from '../domain/timeline.ts';
import { DecisionSummary, termOf } from './decision-summary.tsx';
import { EntryActions } from './entry-actions.tsx';
import { useIncidentCommands } from './incident-commands-context.tsx';
import { TextEntryForm } from './text-entry-form.tsx';

const FILTERS: { value: TimelineKind | 'alles'; label: string }[] = [
  { value: 'alles', label: 'Alles' },
  { value: 'besluit', label: 'Besluiten' },
  { value: 'stap', label: 'Stappen' },
  { value: 'logregel', label: 'Logregels' },
  { value: 'notitie', label: 'Notities' },
  { value: 'incident', label: 'Incident' },
];

export function LogbookView({ state, events }: { state: IncidentState; events: readonly IncidentEvent[] }) {
  const index = useKader();
  const commands = useIncidentCommands();
  const [filter, setFilter] = useState<TimelineKind | 'alles'>('alles');
  const items = useMemo(() => buildTimeline(events, state, index), [events, state, index]);
  const shown = filter === 'alles' ? items : items.filter((i) => i.kind === filter);
  const closed = state.status === 'gesloten';
  // The decision line itself shows the whole decision; its corrections stay one line each.
  const decisionOf = (item: TimelineItem) =>
    item.type === 'decision.recorded' ? state.decisions.find((d) => d.id === item.entryId) : undefined;
  return (
    <section aria-labelledby="logboek-kop">
      <h2 id="logboek-kop">Logboek</h2>
      <TextEntryForm
        draftKey={`logregel:${state.id}`}
        label="Nieuwe logregel"
        submitLabel="Logregel opslaan"
        withHappenedAt={{ incidentTime: state.details.occurredAt }}
        disabled={closed}
        onSave={(text, happenedAt) => commands.addLogEntry(state.id, text, happenedAt)}
      />
      <ToggleGroup legend="Toon" options={FILTERS} value={filter} onChange={setFilter} />
      <ol className="timeline" aria-label="Tijdlijn, nieuwste eerst">
        {shown.map((item) => (
          <li
            key={item.eventId}
            className={`timeline__item timeline__item--${item.kind}${item.withdrawn ? ' entry--withdrawn' : ''}`}
          >
            <p className="timeline__time">
              <time dateTime={item.at}>{formatDateTime(item.at)}</time>
              {item.at !== item.writtenAt && <> · vastgelegd {formatDateTime(item.writtenAt)}</>} ·{' '}
              {item.actor || 'onbekend'}
            </p>
            <p className="timeline__title">{item.title}</p>
            {decisionOf(item) ? (
              <DecisionSummary decision={decisionOf(item)!} />
            ) : (
              item.text && <p className="entry__text">{item.text}</p>
            )}
            {item.timeChange && (
              <p className="entry__meta">
                Tijdstip gewijzigd van {formatDateTime(item.timeChange.from)} naar {formatDateTime(item.timeChange.to)}.
              </p>
            )}
            {item.decisionChange &&
              describeDecisionDatesChange(item.decisionChange).map((line) => (
                <p key={line} className="entry__meta">
                  {line}
                </p>
              ))}
            {(item.superseded || item.edited || item.withdrawn) && (
              <p className="entry__meta">
                {item.superseded && 'Vervangen door een latere wijziging. '}
                {item.edited && 'Gecorrigeerd (zie de correctie in de tijdlijn). '}
                {item.withdrawn && `Ingetrokken door ${item.withdrawn.actor}: ${item.withdrawn.reason}`}
              </p>
            )}
            {item.entryId && !item.withdrawn && (
              <EntryActions
                incidentId={state.id}
                entryId={item.entryId}
                text={item.kind === 'besluit' ? undefined : item.text}
                happenedAt={item.kind === 'logregel' ? item.at : undefined}
                incidentTime={state.details.occurredAt}
                disabled={closed}
                term={decisionOf(item) && termOf(decisionOf(item)!, index)}
              />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
