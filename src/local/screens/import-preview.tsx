import { useKader } from '../../content/kader-context.tsx';
import type { EntryChanges, LocalImportPlan } from '../domain/import-plan.ts';

const MODE_TEXT: Record<LocalImportPlan['mode'], (plan: LocalImportPlan) => string> = {
  eigen: (plan) =>
    `De lokale laag van ${plan.source.municipality} (${plan.source.municipalityCode}), revisie ${plan.source.revision}. ${
      plan.baseRevision === undefined
        ? 'Op dit apparaat staat nog geen lokale laag: deze wordt de uwe.'
        : 'Het is uw eigen gemeente: de inhoud van het bestand komt in plaats van wat hier staat, behalve wat u hier zelf veranderde.'
    }`,
  kopie: (plan) =>
    `De lokale laag van een andere gemeente: ${plan.source.municipality} (${plan.source.municipalityCode}), revisie ${plan.source.revision}. Hij wordt als kopie naast uw eigen inhoud gezet, onder uw eigen gemeentecode; de bron en de revisie worden vastgelegd.`,
  bijwerken: (plan) =>
    `Wat ${plan.source.municipality} veranderde sinds revisie ${plan.sinceRevision ?? '?'} (het bestand is revisie ${plan.source.revision}). Wat u zelf aan de kopie veranderde, blijft staan.`,
};

/** What an import would change, per kind, before anything is written. */
export function ImportPreview({
  plan,
  fileName,
  busy,
  onApply,
  onCancel,
}: {
  plan: LocalImportPlan;
  fileName: string;
  busy: boolean;
  onApply(): void;
  onCancel(): void;
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
    { name: 'Uw eigen versie blijft', items: changes.kept.map((k) => label(k.ours)) },
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
