import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import { getAppDatabase } from '../../db/database.ts';
import { useIncidentExtensions } from '../../incidents/screens/incident-extensions.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { countOf } from '../../ui/format-number.ts';
import { userMessageOf } from '../../ui/user-message.ts';
import type { ExchangeFile } from '../format/types.ts';
import { applyImport } from '../import/import-apply.ts';
import { type ImportPreview, previewImport } from '../import/import-preview.ts';
import { PreviewCounts, PreviewList } from './import-preview-list.tsx';
import { INCOMING_PROBLEM_MESSAGE, useIncomingFile } from './use-incoming-file.ts';

type Stage =
  | { stage: 'idle' }
  | { stage: 'passphrase'; file: File }
  | { stage: 'preview'; file: ExchangeFile; preview: ImportPreview; name: string }
  | { stage: 'done'; text: string; note?: string | undefined };

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
  const { importNote } = useIncidentExtensions();
  const [state, setState] = useState<Stage>({ stage: 'idle' });
  const [error, setError] = useState<string>();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const id = useId();
  // E.g. team sync: entries of other phones in a shared incident stay on this device.
  const note = state.stage === 'preview' ? importNote?.(state.preview.incidents) : undefined;

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

  const apply = async (file: ExchangeFile, note: string | undefined) => {
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
        note,
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
          {note && <p className="alert alert--warning">{note}</p>}
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={busy || state.preview.eventsAdded === 0}
              onClick={() => void apply(state.file, note)}
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
          {state.text} {state.note} <Link to="/incidenten">Naar de incidenten</Link>
        </p>
      )}
    </section>
  );
}
