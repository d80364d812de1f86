import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useKader } from '../../content/kader-context.tsx';
import { getAppDatabase } from '../../db/database.ts';
import { listIncidents } from '../../incidents/store/queries.ts';
import { type Status, StatusMessage } from '../../ui/status-message.tsx';
import { userMessageOf } from '../../ui/user-message.ts';
import { type FreeTextChoice, type FreeTextHit, findFreeTextHits } from '../export/anonymise.ts';
import { readExportInput } from '../export/export.ts';
import { createExportArtifact } from '../export/export-artifact.ts';
import { canShareFiles, saveOrShare } from '../export/save-file.ts';
import { FreeTextReview } from './free-text-review.tsx';
import { PassphraseFields, passphraseProblem } from './passphrase-fields.tsx';

type Scope = 'een' | 'keuze' | 'alle';

export function ExportSection({ incidentId }: { incidentId?: string }) {
  const { kader } = useKader();
  const rows = useLiveQuery(() => listIncidents(), []);
  const [scope, setScope] = useState<Scope>(incidentId ? 'een' : 'keuze');
  const [selected, setSelected] = useState<string[]>(incidentId ? [incidentId] : []);
  const [anonymised, setAnonymised] = useState(false);
  const [review, setReview] = useState<FreeTextHit[]>();
  const [choices, setChoices] = useState<Record<string, FreeTextChoice>>({});
  const [secret, setSecret] = useState({ passphrase: '', repeat: '' });
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);

  const ids = (): string[] | 'all' =>
    scope === 'alle' ? 'all' : scope === 'een' && incidentId ? [incidentId] : selected;
  const resetReview = () => {
    setReview(undefined);
    setChoices({});
  };

  const run = async () => {
    setStatus(undefined);
    const chosen = ids();
    if (chosen !== 'all' && chosen.length === 0)
      return setStatus({ kind: 'error', text: 'Kies minstens één incident.' });
    const problem = passphraseProblem(secret);
    if (problem) return setStatus({ kind: 'error', text: problem });
    setBusy(true);
    try {
      if (anonymised && !review) {
        // First pass: show every free text so the adviser decides before anything leaves.
        setReview(findFreeTextHits(await readExportInput(getAppDatabase(), chosen)));
        return;
      }
      const { artifact, incidents } = await createExportArtifact(getAppDatabase(), {
        incidentIds: chosen,
        kader,
        ...(anonymised ? { anonymise: { texts: choices } } : {}),
        ...(secret.passphrase ? { passphrase: secret.passphrase } : {}),
      });
      if (incidents === 0) return setStatus({ kind: 'error', text: 'Er zijn geen incidenten om te exporteren.' });
      const outcome = await saveOrShare(artifact, canShareFiles());
      if (outcome !== 'cancelled') {
        setStatus({
          kind: 'ok',
          text: `${outcome === 'shared' ? 'Gedeeld' : 'Gedownload'}: ${artifact.fileName} (${incidents} incident${incidents === 1 ? '' : 'en'}${secret.passphrase ? ', versleuteld' : ''}).`,
        });
        resetReview();
      }
    } catch (error) {
      setStatus({ kind: 'error', text: userMessageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="export-kop">
      <h2 id="export-kop">Exporteren</h2>
      <fieldset className="choice-group">
        <legend>Welke incidenten?</legend>
        {incidentId && (
          <label className="choice">
            <input
              type="radio"
              name="scope"
              checked={scope === 'een'}
              onChange={() => {
                setScope('een');
                resetReview();
              }}
            />
            Dit incident
          </label>
        )}
        <label className="choice">
          <input
            type="radio"
            name="scope"
            checked={scope === 'keuze'}
            onChange={() => {
              setScope('keuze');
              resetReview();
            }}
          />
          Een keuze
        </label>
        <label className="choice">
          <input
            type="radio"
            name="scope"
            checked={scope === 'alle'}
            onChange={() => {
              setScope('alle');
              resetReview();
            }}
          />
          Alle incidenten
        </label>
      </fieldset>
      {scope === 'keuze' && rows && (
        <fieldset className="field-group">
          <legend>Kies incidenten</legend>
          {rows.length === 0 && <p className="quiet">Nog geen incidenten.</p>}
          {rows.map((row) => (
            <label key={row.id} className="choice">
              <input
                type="checkbox"
                checked={selected.includes(row.id)}
                onChange={(e) => {
                  resetReview();
                  setSelected(e.target.checked ? [...selected, row.id] : selected.filter((id) => id !== row.id));
                }}
              />
              {row.title} ({row.municipality})
            </label>
          ))}
        </fieldset>
      )}
      <label className="choice">
        <input
          type="checkbox"
          checked={anonymised}
          onChange={(e) => {
            setAnonymised(e.target.checked);
            resetReview();
          }}
        />
        Geanonimiseerd, voor het netwerk NEIG
      </label>
      {anonymised && (
        <p className="quiet">
          Namen, exacte adressen (alleen gemeente en de vier cijfers van de postcode blijven), telefoonnummers,
          e-mailadressen, kentekens en BSN-achtige nummers gaan eruit. Namen van adviseurs worden vervangen door
          "Adviseur 1", "Adviseur 2". Vrije tekst controleert u hieronder zelf.
        </p>
      )}
      {review && (
        <>
          <h3>Vrije tekst controleren</h3>
          <FreeTextReview hits={review} choices={choices} onChange={(key, c) => setChoices({ ...choices, [key]: c })} />
        </>
      )}
      <PassphraseFields value={secret} onChange={setSecret} />
      <StatusMessage status={status} />
      <button type="button" className="button" disabled={busy} onClick={run}>
        {anonymised && !review ? 'Vrije tekst controleren' : canShareFiles() ? 'Delen' : 'Downloaden'}
      </button>
    </section>
  );
}
