import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import { getAppDatabase } from '../../db/database.ts';
import { STEP_STATUS_LABEL } from '../../incidents/domain/labels.ts';
import { formatDateTime } from '../../ui/format-date.ts';
import { countOf, formatNumber } from '../../ui/format-number.ts';
import { titleWithMunicipality } from '../../ui/place-label.ts';
import { userMessageOf } from '../../ui/user-message.ts';
import type { ExchangeFile } from '../format/types.ts';
import { applyImport } from '../import/import-apply.ts';
import { type ImportPreview, type IncidentPreview, previewImport } from '../import/import-preview.ts';
import { INCOMING_PROBLEM_MESSAGE, useIncomingFile } from './use-incoming-file.ts';

type Stage =
  | { stage: 'idle' }
  | { stage: 'passphrase'; file: File }
  | { stage: 'preview'; file: ExchangeFile; preview: ImportPreview; name: string }
  | { stage: 'done'; text: string };

const CHANGE_LABEL = { new: 'nieuw', merged: 'wordt samengevoegd', unchanged: 'al aanwezig, verandert niet' } as const;

/**
 * The validator (130 KB of generated code) stays out of the incident screens' bundle,
 * which an adviser opens at the scene; it is fetched when this section shows, so it is
 * ready by the time a file is picked.
 */
let reader: Promise<typeof import('../import/read-import.ts')> | undefined;
const loadReader = () => {
  reader ??= import('../import/read-import.ts');
  reader.catch(() => {
    reader = undefined;
  });
  return reader;
};

/** Pick or drop a file; nothing is written before the adviser has seen the preview. */
export function ImportSection() {
  useEffect(() => {
    // A failed fetch here is retried when a file is picked, and reported then.
    loadReader().catch(() => {});
  }, []);
  const { kader, step } = useKader();
  const [state, setState] = useState<Stage>({ stage: 'idle' });
  const [error, setError] = useState<string>();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const id = useId();

  const read = async (file: File, secret?: string) => {
    setError(undefined);
    setBusy(true);
    try {
      const { readImportFile } = await loadReader();
      const result = await readImportFile(file, secret ? { passphrase: secret } : {});
      if (!result.ok) {
        if (result.reason === 'needs-passphrase') setState({ stage: 'passphrase', file });
        else if (result.reason === 'wrong-passphrase' && secret) {
          setState({ stage: 'passphrase', file });
          setError(result.message);
        } else {
          setState({ stage: 'idle' });
          setError(result.message);
        }
        return;
      }
      const preview = await previewImport(getAppDatabase(), result.file, { kader });
      if (!preview.ok) {
        setState({ stage: 'idle' });
        setError(preview.message);
        return;
      }
      setState({ stage: 'preview', file: result.file, preview: preview.preview, name: file.name });
    } catch (err) {
      setError(userMessageOf(err));
    } finally {
      setBusy(false);
      setPassphrase('');
    }
  };

  // A file shared from another app or opened with the installed app goes straight to the preview.
  useIncomingFile(
    (file) => {
      document.getElementById('import-kop')?.scrollIntoView();
      void read(file);
    },
    (problem) => setError(INCOMING_PROBLEM_MESSAGE[problem]),
  );

  const apply = async (file: ExchangeFile) => {
    setBusy(true);
    try {
      const result = await applyImport(getAppDatabase(), file, { kader });
      if (!result.ok) return setError(result.message);
      const parts = [];
      if (result.incidentIds.length)
        parts.push(
          `${countOf(result.added, 'vastlegging', 'vastleggingen')} toegevoegd aan ${countOf(result.incidentIds.length, 'incident', 'incidenten')}`,
        );
      if (result.networkIncidentIds.length)
        parts.push(`${countOf(result.networkIncidentIds.length, 'incident', 'incidenten')} uit het netwerk bijgewerkt`);
      setState({
        stage: 'done',
        text: parts.length ? `${parts.join('; ')}.` : 'Alles uit dit bestand stond er al. Er is niets veranderd.',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="import-kop">
      <h2 id="import-kop">Importeren</h2>
      <p className="quiet">
        Lees een exportbestand of back-up in. Wat al op dit apparaat staat, blijft staan; wat nieuw is (stappen,
        notities, logregels, besluiten), komt erbij. Een geanonimiseerd bestand komt in de lijst "Uit het netwerk", niet
        bij uw eigen incidenten.
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone is an extra; the file input is the accessible way */}
      <div
        className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file) void read(file);
        }}
      >
        <label className="label" htmlFor={id}>
          Kies een bestand (of sleep het hierheen)
        </label>
        <input
          id={id}
          type="file"
          className="file-input"
          accept=".json,.gz,application/json,application/gzip"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void read(file);
          }}
        />
      </div>
      {state.stage === 'passphrase' && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void read(state.file, passphrase);
          }}
        >
          <label className="label" htmlFor={`${id}-pass`}>
            Wachtzin van {state.file.name}
          </label>
          <input
            id={`${id}-pass`}
            type="password"
            className="input"
            autoComplete="off"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
          <button type="submit" className="button" disabled={busy || !passphrase}>
            {busy ? 'Bezig met ontsleutelen…' : 'Openen'}
          </button>
        </form>
      )}
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {state.stage === 'preview' && (
        <section className="preview" aria-label="Voorbeeld van de import">
          <h3>Wat dit bestand doet</h3>
          <p>
            {state.name}, gemaakt op {formatDateTime(state.preview.exportedAt)}
            {state.preview.anonymised ? ', geanonimiseerd' : ''}.{' '}
            {countOf(state.preview.eventsAdded, 'nieuwe vastlegging', 'nieuwe vastleggingen')} voor het logboek.
          </p>
          <PreviewCounts preview={state.preview} />
          <PreviewList
            // A new file starts collapsed again.
            key={`${state.name}|${state.preview.exportedAt}`}
            preview={state.preview}
            stepTitle={(id) => step.get(id)?.title ?? id}
          />
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={busy || state.preview.eventsAdded === 0}
              onClick={() => void apply(state.file)}
            >
              Importeren
            </button>
            <button type="button" className="button button--secondary" onClick={() => setState({ stage: 'idle' })}>
              Annuleren
            </button>
          </div>
          {state.preview.eventsAdded === 0 && <p className="quiet">Alles uit dit bestand staat er al.</p>}
        </section>
      )}
      {state.stage === 'done' && (
        <p className="alert alert--ok" role="status">
          {state.text} <Link to="/incidenten">Naar de incidenten</Link>
        </p>
      )}
    </section>
  );
}

/** A long preview is of no use on a phone: the counts first, then the first rows, conflicts on top. */
const PREVIEW_ROWS = 20;

function PreviewCounts({ preview }: { preview: ImportPreview }) {
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

function PreviewList({ preview, stepTitle }: { preview: ImportPreview; stepTitle: (stepId: string) => string }) {
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
