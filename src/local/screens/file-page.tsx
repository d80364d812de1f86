import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useKader } from '../../content/kader-context.tsx';
import { download } from '../../exchange/export/save-file.ts';
import { formatDateTime } from '../../ui/format-date.ts';
import { countOf } from '../../ui/format-number.ts';
import { userMessageOf } from '../../ui/user-message.ts';
import type { LocalImportPlan, OwnImportChoice } from '../domain/import-plan.ts';
import type { LocalFile } from '../format/types.ts';
import { applyLocalImport, exportLocalLayer, previewLocalImport, undoLocalImport } from '../store/local-exchange.ts';
import { readLocalLayer } from '../store/local-store.ts';
import { EditorPage } from './editor-page-parts.tsx';
import { ImportPreview } from './import-preview.tsx';
import { ReadOnlyNote, useCanEditLocal } from './local-editor-context.tsx';
import './local.css';

/** The reader holds the generated validator: fetched when this page shows, not with the editor. */
let reader: Promise<typeof import('../store/local-file-io.ts')> | undefined;
const loadReader = () => {
  reader ??= import('../store/local-file-io.ts');
  reader.catch(() => {
    reader = undefined;
  });
  return reader;
};

type Stage = { stage: 'idle' } | { stage: 'preview'; file: LocalFile; plan: LocalImportPlan; name: string };

/** The layer as a file: exported for a colleague or a backup, shared with other municipalities, or read in. */
export function LocalFilePage() {
  useEffect(() => {
    loadReader().catch(() => {});
  }, []);
  const canEdit = useCanEditLocal();
  return (
    <EditorPage title="Lokale laag importeren en exporteren">
      <ExportSection />
      {canEdit ? <ImportSection /> : <ReadOnlyNote />}
      <Origins />
    </EditorPage>
  );
}

/** Other municipalities' layers copied into ours: importing a newer file of one shows what it changed since. */
function Origins() {
  const origins = useLiveQuery(async () => (await readLocalLayer().catch(() => undefined))?.origins ?? [], []);
  if (!origins || origins.length === 0) return null;
  return (
    <section aria-labelledby="bronnen-kop">
      <h2 id="bronnen-kop">Overgenomen van andere gemeenten</h2>
      <ul>
        {origins.map((origin) => (
          <li key={origin.municipalityCode}>
            {origin.municipality} ({origin.municipalityCode}), revisie {origin.revision}, ingelezen op{' '}
            {formatDateTime(origin.importedAt)}
          </li>
        ))}
      </ul>
      <p className="quiet">
        Importeer een nieuwer bestand van dezelfde gemeente om te zien wat die gemeente sindsdien heeft veranderd.
      </p>
    </section>
  );
}

function ExportSection() {
  const { kader, local } = useKader();
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string }>();
  if (!local)
    return (
      <section aria-labelledby="export-kop">
        <h2 id="export-kop">Exporteren</h2>
        <p className="quiet">Er is nog geen lokale laag om te exporteren.</p>
      </section>
    );
  const exportAs = async (shared: boolean) => {
    setStatus(undefined);
    try {
      // The framework version the notes were written against: the national one, which the overlay keeps.
      const result = await exportLocalLayer({ shared, contentVersion: kader.version });
      download(new File([result.text], result.fileName, { type: 'application/json' }));
      const left = result.report
        ? ` Weggelaten: ${countOf(result.report.internalContacts, 'intern contact', 'interne contacten')}, van ${countOf(result.report.persons, 'contactpersoon', 'contactpersonen')} naam en nummers; in ${countOf(result.report.redactedTexts, 'tekst', 'teksten')} zijn persoonsgegevens vervangen; bij organisaties ${countOf(result.report.contactDetails, 'mobiel nummer of persoonlijk e-mailadres', 'mobiele nummers of persoonlijke e-mailadressen')}; ${countOf(result.report.sourceLinks, 'bronlink', 'bronlinks')} met persoonsgegevens.`
        : '';
      setStatus({ kind: 'ok', text: `Bestand ${result.fileName} gemaakt.${left}` });
    } catch (error) {
      setStatus({ kind: 'error', text: userMessageOf(error) });
    }
  };
  return (
    <section aria-labelledby="export-kop">
      <h2 id="export-kop">Exporteren</h2>
      <h3>Voor uw eigen gemeente</h3>
      <p>
        De hele laag van {local.municipality}, met interne contacten: voor een collega of een tweede telefoon, of als
        reservekopie. Het bestand is niet versleuteld; bewaar en verstuur het zoals u met telefoonnummers van collega’s
        omgaat.
      </p>
      <button type="button" className="button" onClick={() => exportAs(false)}>
        Lokale laag exporteren
      </button>
      <h3>Voor andere gemeenten (netwerk NEIG)</h3>
      <p>Een andere gemeente kan uw stappen, aanvullingen en openbare contacten overnemen. Wat wordt weggelaten:</p>
      <ul>
        <li>alle contacten die u als intern hebt gemarkeerd, ook waar een stap of aanvulling ze noemt;</li>
        <li>van contactpersonen de naam, telefoonnummers en het e-mailadres (rol en bereikbaarheid blijven);</li>
        <li>
          bij organisaties een mobiel nummer (06) of een e-mailadres met een persoonsnaam (zoals j.jansen@…): die wijzen
          naar een persoon;
        </li>
        <li>
          namen, telefoonnummers, e-mailadressen en adressen in vrije tekst en in de titels van bronnen: die worden
          vervangen door een label; een bronlink met zulke gegevens wordt weggelaten.
        </li>
      </ul>
      <button type="button" className="button button--secondary" onClick={() => exportAs(true)}>
        Exporteren voor andere gemeenten
      </button>
      {status && (
        <p className={`alert alert--${status.kind}`} role={status.kind === 'ok' ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
    </section>
  );
}

function ImportSection() {
  const [state, setState] = useState<Stage>({ stage: 'idle' });
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<{ text: string; revision?: number }>();
  const [busy, setBusy] = useState(false);

  const choose = async (choice: OwnImportChoice) => {
    if (state.stage !== 'preview') return;
    setBusy(true);
    setError(undefined);
    try {
      setState({ ...state, plan: await previewLocalImport(state.file, { choice }) });
    } catch (err) {
      setError(userMessageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const undo = async (revision: number) => {
    setBusy(true);
    setError(undefined);
    try {
      const layer = await undoLocalImport(revision);
      setDone({ text: `De import is ongedaan gemaakt. Uw laag is nu revisie ${layer.revision}.` });
    } catch (err) {
      setError(userMessageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const read = async (picked: File) => {
    setError(undefined);
    setDone(undefined);
    setBusy(true);
    try {
      const { readLocalFile } = await loadReader();
      const result = await readLocalFile(picked);
      if (!result.ok) {
        setState({ stage: 'idle' });
        setError(result.message);
        return;
      }
      const plan = await previewLocalImport(result.file);
      setState({ stage: 'preview', file: result.file, plan, name: picked.name });
    } catch (err) {
      setState({ stage: 'idle' });
      setError(userMessageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (state.stage !== 'preview') return;
    setBusy(true);
    setError(undefined);
    try {
      const layer = await applyLocalImport(state.plan, state.file);
      const { source } = state.plan;
      setDone({
        text: `Geïmporteerd: de lokale laag van ${source.municipality} (revisie ${source.revision}). Uw laag is nu revisie ${layer.revision}.`,
        revision: layer.revision,
      });
      setState({ stage: 'idle' });
    } catch (err) {
      setError(userMessageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="import-kop">
      <h2 id="import-kop">Importeren</h2>
      <p>
        Een bestand van uw eigen gemeente vult de laag hier aan en werkt hem bij; u kiest zelf of wat niet in het
        bestand staat, hier wordt verwijderd. Een bestand van een andere gemeente wordt als kopie naast uw eigen inhoud
        gezet, onder uw eigen gemeentecode; een nieuwer bestand van diezelfde gemeente laat later zien wat die gemeente
        sindsdien heeft veranderd. U ziet eerst wat er verandert; er wordt pas iets opgeslagen als u op Importeren tikt.
      </p>
      <label className="label" htmlFor="lokaal-bestand">
        Bestand met een lokale laag kiezen
      </label>
      <input
        id="lokaal-bestand"
        className="input"
        type="file"
        accept=".json,.gz,application/json,application/gzip"
        disabled={busy}
        onChange={(e) => {
          const picked = e.target.files?.[0];
          e.target.value = '';
          if (picked) void read(picked);
        }}
      />
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <div className="alert alert--ok" role="status">
          <p>{done.text}</p>
          {done.revision !== undefined && (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => void undo(done.revision!)}
            >
              Import ongedaan maken
            </button>
          )}
        </div>
      )}
      {state.stage === 'preview' && (
        <ImportPreview
          plan={state.plan}
          fileName={state.name}
          busy={busy}
          onApply={apply}
          onCancel={() => setState({ stage: 'idle' })}
          onChoice={(choice) => void choose(choice)}
        />
      )}
    </section>
  );
}
