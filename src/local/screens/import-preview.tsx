import { useState } from 'react';
import { useKader } from '../../content/kader-context.tsx';
import type { EntryChanges, LocalImportPlan, OwnImportChoice } from '../domain/import-plan.ts';

const OWN_TEXT = {
  aanvullen:
    'Het is uw eigen gemeente. Wat in het bestand nieuw is, wordt toegevoegd en wat in het bestand anders is, wordt bijgewerkt naar het bestand. Wat hier staat en niet in het bestand, blijft staan.',
  vervangen:
    'Het is uw eigen gemeente. De laag hier wordt vervangen door het bestand: wat niet in het bestand staat, wordt verwijderd en wat in het bestand anders is, wordt overschreven.',
  gedeeld:
    'Het is uw eigen gemeente, maar dit bestand is gemaakt voor andere gemeenten: er ontbreken interne contacten en de nummers van personen. Daarom wordt alleen toegevoegd wat hier nog ontbreekt; niets wordt gewijzigd of verwijderd.',
} as const;

const MODE_TEXT: Record<LocalImportPlan['mode'], (plan: LocalImportPlan) => string> = {
  eigen: (plan) =>
    `De lokale laag van ${plan.source.municipality} (${plan.source.municipalityCode}), revisie ${plan.source.revision}. ${
      plan.baseRevision === undefined
        ? 'Op dit apparaat staat nog geen lokale laag: deze wordt de uwe.'
        : OWN_TEXT[plan.additionsOnly ? 'gedeeld' : (plan.choice ?? 'aanvullen')]
    }`,
  kopie: (plan) =>
    `De lokale laag van een andere gemeente: ${plan.source.municipality} (${plan.source.municipalityCode}), revisie ${plan.source.revision}. Deze laag wordt als kopie naast uw eigen inhoud gezet, onder uw eigen gemeentecode; de bron en de revisie worden vastgelegd.`,
  bijwerken: (plan) =>
    `Wat ${plan.source.municipality} sinds revisie ${plan.sinceRevision ?? '?'} heeft veranderd (het bestand is revisie ${plan.source.revision}). Wat u zelf aan de kopie veranderde of verwijderde, blijft zoals het is.`,
};

const KINDS = ['contacts', 'steps', 'annotations', 'notApplicable'] as const;
const removals = (plan: LocalImportPlan) => KINDS.reduce((n, kind) => n + plan[kind].removed.length, 0);

/** What an import would change, per kind, before anything is written. */
export function ImportPreview({
  plan,
  fileName,
  busy,
  onApply,
  onCancel,
  onChoice,
}: {
  plan: LocalImportPlan;
  fileName: string;
  busy: boolean;
  onApply(): void;
  onCancel(): void;
  /** Our own municipality's file: re-plan with the other choice. */
  onChoice(choice: OwnImportChoice): void;
}) {
  const index = useKader();
  const titleOf = (id: string) => index.step.get(id)?.title ?? index.instrument.get(id)?.name ?? id;
  const stepTitles = new Map(
    [...plan.result.steps, ...plan.steps.removed].map((step) => [step.id, step.title] as const),
  );
  const targetTitle = (id: string) => stepTitles.get(id) ?? titleOf(id);
  return (
    <section className="import-preview" aria-labelledby="voorvertoning-kop">
      <h3 id="voorvertoning-kop">Voorvertoning</h3>
      <p className="quiet">{fileName}</p>
      <p>{MODE_TEXT[plan.mode](plan)}</p>
      {plan.source.shared && (
        <p className="quiet">
          Dit bestand is gemaakt voor andere gemeenten: interne contacten en namen zijn weggelaten.
        </p>
      )}
      {plan.internalLeftOut > 0 && (
        <p>
          {plan.internalLeftOut === 1 ? 'Eén intern contact' : `${plan.internalLeftOut} interne contacten`} van{' '}
          {plan.source.municipality} {plan.internalLeftOut === 1 ? 'wordt' : 'worden'} niet overgenomen: interne
          contacten blijven binnen die gemeente.
        </p>
      )}
      {plan.choice && !plan.additionsOnly && <OwnChoice plan={plan} busy={busy} onChoice={onChoice} />}
      {removals(plan) > 0 && (
        <p className="alert alert--warning" role="status">
          Let op: {removals(plan) === 1 ? 'één onderdeel wordt' : `${removals(plan)} onderdelen worden`} hier verwijderd
          (zie ‘Verwijderd’ hieronder).
        </p>
      )}
      {plan.older && (
        <p className="alert alert--warning">
          Let op: dit bestand is ouder dan wat u al hebt van {plan.source.municipality}. Importeer het alleen als u dat
          bewust terugzet.
        </p>
      )}
      {plan.unchanged ? (
        <p className="alert alert--ok">Dit bestand verandert niets: alles staat hier al zo.</p>
      ) : (
        <>
          <Changes title="Contacten" changes={plan.contacts} label={(c) => c.name} />
          <Changes title="Lokale stappen" changes={plan.steps} label={(s) => s.title} />
          <Changes title="Aanvullingen" changes={plan.annotations} label={(a) => targetTitle(a.targetId)} />
          <Changes title="Niet van toepassing" changes={plan.notApplicable} label={(m) => targetTitle(m.stepId)} />
        </>
      )}
      {!plan.unchanged && (
        <p className="quiet">Na het importeren kunt u de import ongedaan maken, zolang u daarna niets wijzigt.</p>
      )}
      <p className="actions">
        {!plan.unchanged && (
          <button type="button" className="button" disabled={busy} aria-busy={busy} onClick={onApply}>
            Importeren
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {plan.unchanged ? 'Sluiten' : 'Annuleren'}
        </button>
      </p>
    </section>
  );
}

function Changes<T>({
  title,
  changes,
  label,
}: {
  title: string;
  changes: EntryChanges<T>;
  label: (entry: T) => string;
}) {
  const groups = [
    { name: 'Toegevoegd', items: changes.added.map(label) },
    { name: 'Gewijzigd', items: changes.changed.map((c) => label(c.after)) },
    { name: 'Verwijderd', items: changes.removed.map(label) },
    { name: 'Uw eigen versie blijft', items: changes.kept.flatMap((k) => (k.theirs ? [label(k.ours)] : [])) },
    {
      name: 'Niet in het bestand, blijft staan',
      items: changes.kept.flatMap((k) => (k.theirs ? [] : [label(k.ours)])),
    },
    { name: 'Door u verwijderd, blijft verwijderd', items: changes.deletedByUs.map(label) },
  ].filter((group) => group.items.length > 0);
  if (groups.length === 0) return null;
  return (
    <div className="import-preview__kind">
      <h4>{title}</h4>
      <dl>
        {groups.map((group) => (
          <div key={group.name}>
            <dt>
              {group.name} ({group.items.length})
            </dt>
            <dd>
              <ul>
                {group.items.map((item, i) => (
                  // Two entries may share a title; the position keeps them apart in this fixed list.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <li key={i}>{item}</li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function OwnChoice({
  plan,
  busy,
  onChoice,
}: {
  plan: LocalImportPlan;
  busy: boolean;
  onChoice(choice: OwnImportChoice): void;
}) {
  // The radio answers at once; the plan for the choice follows when it is computed.
  const [selected, setSelected] = useState(plan.choice);
  // Every new plan (another file, or the plan for the choice) says what is chosen.
  const [shown, setShown] = useState(plan);
  if (shown !== plan) {
    setShown(plan);
    setSelected(plan.choice);
  }
  const options = [
    { value: 'aanvullen', text: 'Alleen toevoegen en bijwerken: wat hier staat en niet in het bestand, blijft staan' },
    { value: 'vervangen', text: 'Vervangen door het bestand: wat niet in het bestand staat, wordt verwijderd' },
  ] as const;
  return (
    <fieldset className="choice-group">
      <legend>Wat moet er gebeuren met wat hier al staat?</legend>
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input
            type="radio"
            name="eigen-import"
            value={option.value}
            checked={selected === option.value}
            disabled={busy}
            onChange={() => {
              setSelected(option.value);
              onChoice(option.value);
            }}
          />
          {option.text}
        </label>
      ))}
    </fieldset>
  );
}
