import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import { INCIDENT_KINDS, type IncidentDetails, type IncidentKind } from '../../model/events.ts';
import { TARGET_LABEL } from '../../model/labels.ts';
import { LIMITS } from '../../model/limits.ts';
import { TARGETS, type Target } from '../../model/vocabulary.ts';
import { fromLocalInputValue, toLocalInputValue } from '../../ui/format-date.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { userMessageOf } from '../../ui/user-message.ts';
import { INCIDENT_KIND_LABEL } from '../domain/labels.ts';
import { useIncidentCommands } from './incident-commands-context.tsx';
import { useDraft } from './use-draft.ts';

interface Draft {
  kind: IncidentKind;
  target: Target;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  locationDescription: string;
  municipality: string;
  occurredAt: string;
  phase: 'dreiging' | 'direct-na';
}

const emptyDraft = (): Draft => ({
  kind: 'explosie',
  target: 'woning',
  street: '',
  houseNumber: '',
  postcode: '',
  city: '',
  locationDescription: '',
  municipality: '',
  occurredAt: toLocalInputValue(new Date()),
  phase: 'direct-na',
});

function toDetails(d: Draft): IncidentDetails | string {
  const occurredAt = fromLocalInputValue(d.occurredAt);
  if (!occurredAt) return 'Vul de datum en tijd van het incident in.';
  if (!d.municipality.trim()) return 'Vul de gemeente in.';
  const hasAddress = d.street.trim() && d.houseNumber.trim();
  if (!hasAddress && !d.locationDescription.trim()) {
    return d.target === 'voertuig'
      ? 'Beschrijf waar het voertuig staat, of vul een adres in.'
      : 'Vul straat en huisnummer in, of beschrijf de locatie.';
  }
  const details: IncidentDetails = { kind: d.kind, target: d.target, municipality: d.municipality.trim(), occurredAt };
  if (hasAddress) {
    details.address = {
      street: d.street.trim(),
      houseNumber: d.houseNumber.trim(),
      postcode: d.postcode.trim(),
      city: d.city.trim() || d.municipality.trim(),
    };
  }
  if (d.locationDescription.trim()) details.locationDescription = d.locationDescription.trim();
  return details;
}

export function NewIncidentPage() {
  const [draft, setDraft, clearDraft] = useDraft<Draft>('nieuw-incident', emptyDraft());
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const commands = useIncidentCommands();
  const { kader } = useKader();
  const navigate = useNavigate();
  const id = useId();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const field = (key: keyof Draft, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <>
      <label className="label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        className="input"
        maxLength={
          key === 'municipality' || key === 'houseNumber' || key === 'postcode' ? LIMITS.name : LIMITS.shortText
        }
        value={String(draft[key])}
        onChange={(e) => set(key, e.target.value as never)}
        {...props}
      />
    </>
  );
  return (
    <>
      <PageTitle title="Nieuw incident">Nieuw incident</PageTitle>
      <form
        className="form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const details = toDetails(draft);
          if (typeof details === 'string') {
            setError(details);
            return;
          }
          setBusy(true);
          try {
            const { incidentId } = await commands.createIncident(details, draft.phase, kader.version);
            clearDraft();
            navigate(`/incidenten/${incidentId}`);
          } catch (err) {
            setError(userMessageOf(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <fieldset className="choice-group">
          <legend>Soort incident</legend>
          {INCIDENT_KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="kind" checked={draft.kind === k} onChange={() => set('kind', k)} />
              {INCIDENT_KIND_LABEL[k]}
            </label>
          ))}
        </fieldset>
        <fieldset className="choice-group">
          <legend>Doelwit</legend>
          {TARGETS.map((t) => (
            <label key={t} className="choice">
              <input type="radio" name="target" checked={draft.target === t} onChange={() => set('target', t)} />
              {TARGET_LABEL[t]}
            </label>
          ))}
        </fieldset>
        <fieldset className="field-group">
          <legend>{draft.target === 'voertuig' ? 'Adres (als er een is)' : 'Adres'}</legend>
          {field('street', 'Straat', { autoComplete: 'off' })}
          {field('houseNumber', 'Huisnummer en toevoeging', { autoComplete: 'off' })}
          {field('postcode', 'Postcode', { autoComplete: 'off', autoCapitalize: 'characters' })}
          {field('city', 'Plaats', { autoComplete: 'off' })}
        </fieldset>
        {field(
          'locationDescription',
          draft.target === 'voertuig' ? 'Locatie van het voertuig' : 'Locatie (als er geen adres is)',
          { autoComplete: 'off' },
        )}
        {field('municipality', 'Gemeente', { autoComplete: 'off', required: true })}
        {field('occurredAt', 'Datum en tijd van het incident', { type: 'datetime-local', required: true })}
        <fieldset className="choice-group">
          <legend>Begin in fase</legend>
          <label className="choice">
            <input
              type="radio"
              name="phase"
              checked={draft.phase === 'direct-na'}
              onChange={() => set('phase', 'direct-na')}
            />
            Direct na een incident
          </label>
          <label className="choice">
            <input
              type="radio"
              name="phase"
              checked={draft.phase === 'dreiging'}
              onChange={() => set('phase', 'dreiging')}
            />
            Dreiging van een (herhaal)aanslag
          </label>
        </fieldset>
        {error && (
          <p className="alert alert--error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            Incident starten
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              clearDraft();
              navigate('/incidenten');
            }}
          >
            Annuleren
          </button>
        </div>
      </form>
    </>
  );
}
