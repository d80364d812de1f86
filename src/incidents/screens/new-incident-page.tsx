import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import { getActorName, setActorName } from '../../db/settings.ts';
import { INCIDENT_KINDS, type IncidentKind } from '../../model/events.ts';
import { TARGET_LABEL } from '../../model/labels.ts';
import { LIMITS } from '../../model/limits.ts';
import { TARGETS, type Target } from '../../model/vocabulary.ts';
import { fromLocalInputValue, toLocalInputValue } from '../../ui/format-date.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { userMessageOf } from '../../ui/user-message.ts';
import { checkIncidentFields, type IncidentFieldErrors } from '../domain/incident-form.ts';
import { INCIDENT_KIND_LABEL } from '../domain/labels.ts';
import { getDefaultMunicipality, setDefaultMunicipality } from '../store/municipality-default.ts';
import { FieldError, focusFirstInvalid, invalidProps } from './field-error.tsx';
import { useIncidentCommands } from './incident-commands-context.tsx';
import { StorageRiskNotice } from './storage-risk-notice.tsx';
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
  actorName: string;
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
  actorName: '',
});

type Errors = IncidentFieldErrors & { actorName?: string };

/** Quick at the scene: one screen, the adviser's name asked here on first use, the municipality remembered. */
export function NewIncidentPage() {
  const [draft, setDraft, clearDraft] = useDraft<Draft>('nieuw-incident', emptyDraft());
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const knownName = useLiveQuery(() => getActorName());
  const defaultMunicipality = useLiveQuery(() => getDefaultMunicipality());
  const commands = useIncidentCommands();
  const { kader, local } = useKader();
  const navigate = useNavigate();
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const asksName = knownName === '';

  // The remembered municipality fills an empty field once; the adviser's own typing is never overwritten.
  const defaultApplied = useRef(false);
  useEffect(() => {
    if (defaultApplied.current || defaultMunicipality === undefined) return;
    defaultApplied.current = true;
    if (defaultMunicipality && !draft.municipality) setDraft({ ...draft, municipality: defaultMunicipality });
  }, [defaultMunicipality, draft, setDraft]);

  const field = (
    key: keyof Errors & keyof Draft,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <div className="field">
      <label className="label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        className="input"
        maxLength={key === 'locationDescription' || key === 'street' ? LIMITS.shortText : LIMITS.name}
        value={String(draft[key])}
        onChange={(e) => set(key, e.target.value as never)}
        {...invalidProps(`${id}-${key}`, errors[key])}
        {...props}
      />
      <FieldError fieldId={`${id}-${key}`} error={errors[key]} />
    </div>
  );
  const plain = (key: 'postcode' | 'city', label: string, props: React.InputHTMLAttributes<HTMLInputElement>) => (
    <div className="field">
      <label className="label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        className="input"
        maxLength={key === 'postcode' ? LIMITS.name : LIMITS.shortText}
        value={draft[key]}
        onChange={(e) => set(key, e.target.value)}
        {...props}
      />
    </div>
  );

  // Until the stored name is read, the form would render without the name field and then
  // grow it above what the adviser is typing: render it once, complete.
  if (knownName === undefined) {
    return (
      <>
        <PageTitle title="Nieuw incident">Nieuw incident</PageTitle>
        <p className="quiet">Laden…</p>
      </>
    );
  }

  return (
    <>
      <PageTitle title="Nieuw incident">Nieuw incident</PageTitle>
      <StorageRiskNotice compact />
      <form
        ref={form}
        className="form form--compact"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setFailure(undefined);
          const checked = checkIncidentFields(
            { ...draft, occurredAt: fromLocalInputValue(draft.occurredAt) },
            new Date(),
          );
          const found: Errors = checked.ok ? {} : { ...checked.errors };
          if (asksName && !(draft.actorName ?? '').trim()) found.actorName = 'Vul uw naam of initialen in.';
          setErrors(found);
          if (!checked.ok || found.actorName) {
            focusFirstInvalid(form.current);
            return;
          }
          setBusy(true);
          try {
            if (asksName) await setActorName(draft.actorName);
            const { incidentId } = await commands.createIncident(
              { kind: draft.kind, ...checked.details },
              draft.phase,
              kader.version,
              local ? { municipalityCode: local.municipalityCode, revision: local.revision } : undefined,
            );
            await setDefaultMunicipality(checked.details.municipality).catch(() => {
              // Only a convenience: the incident itself is stored.
            });
            clearDraft();
            navigate(`/incidenten/${incidentId}`);
          } catch (err) {
            setFailure(userMessageOf(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        {asksName && (
          <div className="field">
            <label className="label" htmlFor={`${id}-actorName`}>
              Naam of initialen
            </label>
            <p className="hint">Komt bij alles wat u vastlegt.</p>
            <input
              id={`${id}-actorName`}
              className="input"
              autoComplete="name"
              maxLength={LIMITS.name}
              value={draft.actorName ?? ''}
              onChange={(e) => set('actorName', e.target.value)}
              {...invalidProps(`${id}-actorName`, errors.actorName)}
            />
            <FieldError fieldId={`${id}-actorName`} error={errors.actorName} />
          </div>
        )}
        <fieldset className="choice-group choice-group--grid">
          <legend>Soort incident</legend>
          {INCIDENT_KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="kind" checked={draft.kind === k} onChange={() => set('kind', k)} />
              {INCIDENT_KIND_LABEL[k]}
            </label>
          ))}
        </fieldset>
        <fieldset className="choice-group choice-group--grid">
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
          {/* Two rows instead of four: the form must fit two screens of a 360 × 740 phone. */}
          <div className="field-row field-row--street">
            {field('street', 'Straat', { autoComplete: 'off' })}
            {field('houseNumber', 'Huisnummer', { autoComplete: 'off' })}
          </div>
          <div className="field-row">
            {plain('postcode', 'Postcode', { autoComplete: 'off', autoCapitalize: 'characters' })}
            {plain('city', 'Plaats', { autoComplete: 'off' })}
          </div>
        </fieldset>
        {field(
          'locationDescription',
          draft.target === 'voertuig' ? 'Locatie van het voertuig' : 'Locatie (als er geen adres is)',
          { autoComplete: 'off' },
        )}
        {field('municipality', 'Gemeente', { autoComplete: 'off', required: true })}
        {field('occurredAt', 'Datum en tijd van het incident', { type: 'datetime-local', required: true })}
        {/* A select, not radios: the long phase names need a line each, and the form must fit two screens. */}
        <div className="field">
          <label className="label" htmlFor={`${id}-phase`}>
            Begin in fase
          </label>
          <select
            id={`${id}-phase`}
            className="select"
            value={draft.phase}
            onChange={(e) => set('phase', e.target.value === 'dreiging' ? 'dreiging' : 'direct-na')}
          >
            <option value="direct-na">Direct na een incident</option>
            <option value="dreiging">Dreiging van een (herhaal)aanslag</option>
          </select>
        </div>
        {failure && (
          <p className="alert alert--error" role="alert">
            {failure}
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
