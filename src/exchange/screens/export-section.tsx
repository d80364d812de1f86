import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useKader } from '../../content/kader-context.tsx';
import { getAppDatabase } from '../../db/database.ts';
import { listIncidents } from '../../incidents/store/queries.ts';
import { countOf } from '../../ui/format-number.ts';
import { titleWithMunicipality } from '../../ui/place-label.ts';
import { type Status, StatusMessage } from '../../ui/status-message.tsx';
import { userMessageOf } from '../../ui/user-message.ts';
import type { TimePrecision } from '../export/amsterdam-time.ts';
import { type FreeTextChoice, type FreeTextHit, findFreeTextHits } from '../export/anonymise.ts';
import { readExportInput } from '../export/export.ts';
import { createExportArtifact } from '../export/export-artifact.ts';
import { canShareFiles, saveOrShare } from '../export/save-file.ts';
import type { RemovedCount } from '../format/types.ts';
import { AnonymiseOptions } from './anonymise-options.tsx';
import { FreeTextReview } from './free-text-review.tsx';
import { PassphraseFields, passphraseProblem } from './passphrase-fields.tsx';
import { PlainFileWarning } from './plain-file-warning.tsx';
import { RemovedList } from './removed-list.tsx';

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
  const [precision, setPrecision] = useState<TimePrecision>('day');
  const [status, setStatus] = useState<Status>();
  const [removed, setRemoved] = useState<RemovedCount[]>();
  const [askPlain, setAskPlain] = useState(false);
  const [busy, setBusy] = useState(false);

  const ids = (): string[] | 'all' =>
    scope === 'alle' ? 'all' : scope === 'een' && incidentId ? [incidentId] : selected;
  const resetReview = () => {
    setReview(undefined);
    setChoices({});
    setRemoved(undefined);
  };

  const run = async (plainConfirmed = false) => {
    setStatus(undefined);
    setRemoved(undefined);
    setAskPlain(false);
    const chosen = ids();
    if (chosen !== 'all' && chosen.length === 0)
      return setStatus({ kind: 'error', text: 'Kies minstens één incident.' });
    const problem = passphraseProblem(secret);
    if (problem) return setStatus({ kind: 'error', text: problem });
    // Own files hold names and addresses: a plain one is asked for once more.
    if (!anonymised && !secret.passphrase && !plainConfirmed) return setAskPlain(true);
    setBusy(true);
    try {
      if (anonymised && !review) {
        // First pass: show every free text so the adviser decides before anything leaves.
        setReview(findFreeTextHits(await readExportInput(getAppDatabase(), chosen)));
        return;
      }
      const { artifact, incidents, ...result } = await createExportArtifact(getAppDatabase(), {
        incidentIds: chosen,
        kader,
        ...(anonymised ? { anonymise: { texts: choices, timePrecision: precision } } : {}),
        ...(secret.passphrase ? { passphrase: secret.passphrase } : {}),
      });
      if (incidents === 0) return setStatus({ kind: 'error', text: 'Er zijn geen incidenten om te exporteren.' });
      const outcome = await saveOrShare(artifact, canShareFiles());
      if (outcome !== 'cancelled') {
        setStatus({
          kind: 'ok',
          text: `${outcome === 'shared' ? 'Gedeeld' : 'Gedownload'}: ${artifact.fileName} (${countOf(incidents, 'incident', 'incidenten')}${secret.passphrase ? ', versleuteld' : ''}).`,
        });
        resetReview();
        if (result.removed) setRemoved(result.removed);
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
              {titleWithMunicipality(row.title, row.municipality)}
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
      {anonymised && <AnonymiseOptions precision={precision} onPrecision={setPrecision} />}
      {review && (
        <>
          <h3>Vrije tekst controleren</h3>
          <FreeTextReview hits={review} choices={choices} onChange={setChoices} />
        </>
      )}
      <PassphraseFields value={secret} onChange={setSecret} />
      <StatusMessage status={status} />
      {removed && <RemovedList removed={removed} />}
      {askPlain ? (
        <PlainFileWarning
          action={canShareFiles() ? 'delen' : 'downloaden'}
          onConfirm={() => void run(true)}
          onCancel={() => setAskPlain(false)}
        />
      ) : (
        <button type="button" className="button" disabled={busy} onClick={() => void run()}>
          {anonymised && !review ? 'Vrije tekst controleren' : canShareFiles() ? 'Delen' : 'Downloaden'}
        </button>
      )}
    </section>
  );
}
