import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import type { KaderIndex } from '../../content/kader-index.ts';
import type { LocalOverlayView } from '../../model/local-layer.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { AttentionList } from './attention-list.tsx';
import { ReadOnlyNote, useCanEditLocal } from './local-editor-context.tsx';
import { MunicipalityForm } from './note-forms.tsx';
import { useLocalEdit } from './use-local-edit.ts';
import './local.css';

/**
 * The editor's start: whose layer, what needs attention, and the lists of what the municipality
 * added. `notices`: what the app adds under the title (the team layer's state; local knows no sync).
 */
export function LocalHomePage({ notices }: { notices?: ReactNode }) {
  const index = useKader();
  const { local } = index;
  const canEdit = useCanEditLocal();
  const edit = useLocalEdit();
  const saveMunicipality = (name: string, code: string) => edit({ type: 'municipality', name, code });
  if (!local)
    return (
      <>
        <PageTitle title="Lokaal">Lokaal: uw gemeente</PageTitle>
        {notices}
        <p>
          Hier legt uw gemeente vast wat landelijk niet kan: eigen contacten met telefoonnummers, eigen stappen,
          aanvullingen bij landelijke stappen en stappen die bij u niet van toepassing zijn. De landelijke tekst blijft
          altijd zichtbaar.
        </p>
        {canEdit ? (
          <>
            <h2>Begin met uw gemeente</h2>
            <MunicipalityForm onSave={saveMunicipality} />
          </>
        ) : (
          <ReadOnlyNote />
        )}
        <p>
          <Link to="/lokaal/bestand">Een lokale laag importeren</Link>
        </p>
      </>
    );
  return (
    <>
      <PageTitle title="Lokaal">Lokaal: {local.municipality}</PageTitle>
      <p className="quiet">
        CBS-code {local.municipalityCode} · revisie {local.revision}
      </p>
      {notices}
      {!canEdit && <ReadOnlyNote />}
      <AttentionList />
      <ContactsSection index={index} local={local} canEdit={canEdit} />
      <StepsSection index={index} local={local} canEdit={canEdit} />
      <NotesSection index={index} local={local} />
      <nav aria-label="Meer over de lokale laag" className="local-more">
        <ul className="card-list">
          <li className="card-list__item">
            <Link className="card-link" to="/lokaal/geschiedenis">
              <span className="card-link__title">Geschiedenis</span>
              <span className="card-link__meta">Wie wat wanneer veranderde</span>
            </Link>
          </li>
          <li className="card-list__item">
            <Link className="card-link" to="/lokaal/bestand">
              <span className="card-link__title">Importeren en exporteren</span>
              <span className="card-link__meta">Als bestand bewaren of delen met andere gemeenten</span>
            </Link>
          </li>
        </ul>
      </nav>
      {canEdit && (
        <details className="local-details">
          <summary>Naam of code van de gemeente wijzigen</summary>
          <MunicipalityForm
            initial={{ name: local.municipality, code: local.municipalityCode }}
            onSave={saveMunicipality}
          />
        </details>
      )}
    </>
  );
}

interface SectionProps {
  index: KaderIndex;
  local: LocalOverlayView;
  canEdit: boolean;
}

function ContactsSection({ index, local, canEdit }: SectionProps) {
  const contacts = [...local.contacts.values()];
  return (
    <section aria-labelledby="lokaal-contacten">
      <h2 id="lokaal-contacten">Contacten ({contacts.length})</h2>
      {contacts.length === 0 && <p className="quiet">Nog geen lokale contacten.</p>}
      <ul className="card-list">
        {contacts.map((c) => (
          <li key={c.id} className="card-list__item">
            <Link className="card-link" to={`/lokaal/contact/${c.id}`}>
              <span className="card-link__title">{c.name}</span>
              <span className="card-link__meta">
                {[
                  c.partnerId ? (index.partner.get(c.partnerId)?.name ?? 'partner vervallen') : 'eigen contact',
                  c.phones.map((p) => p.number).join(', '),
                  c.visibility === 'intern' ? 'intern' : 'openbaar',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {canEdit && (
        <p>
          <Link className="button button--secondary" to="/lokaal/contact/nieuw">
            Contact toevoegen
          </Link>
        </p>
      )}
    </section>
  );
}

function StepsSection({ index, local, canEdit }: SectionProps) {
  const steps = [...local.localSteps.values()];
  return (
    <section aria-labelledby="lokaal-stappen">
      <h2 id="lokaal-stappen">Lokale stappen ({steps.length})</h2>
      {steps.length === 0 && <p className="quiet">Nog geen lokale stappen.</p>}
      <ul className="card-list">
        {steps.map((s) => (
          <li key={s.id} className="card-list__item">
            <Link className="card-link card-link--local" to={`/lokaal/stap/${s.id}`}>
              <span className="card-link__title">{s.title}</span>
              <span className="card-link__meta">
                {index.phase.get(s.phase)?.shortTitle ?? s.phase}
                {s.after ? ` · na ‘${index.step.get(s.after)?.title ?? s.after}’` : ' · aan het begin'}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {canEdit && (
        <p>
          <Link className="button button--secondary" to="/lokaal/stap/nieuw">
            Stap toevoegen
          </Link>
        </p>
      )}
    </section>
  );
}

function NotesSection({ index, local }: Omit<SectionProps, 'canEdit'>) {
  const titleOf = (id: string) => index.step.get(id)?.title ?? index.instrument.get(id)?.name;
  const notes = [...local.annotations.values()].filter((a) => a.state !== 'verweesd');
  const marks = [...local.notApplicable].filter(([id]) => index.step.has(id));
  return (
    <>
      <section aria-labelledby="lokaal-aanvullingen">
        <h2 id="lokaal-aanvullingen">Aanvullingen ({notes.length})</h2>
        {notes.length === 0 ? (
          <p className="quiet">
            Nog geen aanvullingen. Open een landelijke stap of een instrument en kies ‘Lokale aanvulling toevoegen’.
          </p>
        ) : (
          <ul className="card-list">
            {notes.map(({ annotation, state }) => (
              <li key={annotation.targetId} className="card-list__item">
                <Link className="card-link" to={`/lokaal/aanvulling/${annotation.targetId}`}>
                  <span className="card-link__title">{titleOf(annotation.targetId)}</span>
                  <span className="card-link__meta">
                    {state === 'gewijzigd' ? 'Landelijke tekst gewijzigd · ' : ''}
                    {annotation.note.slice(0, 80)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="lokaal-nvt">
        <h2 id="lokaal-nvt">Niet van toepassing ({marks.length})</h2>
        {marks.length === 0 && <p className="quiet">Alle landelijke stappen gelden in uw gemeente.</p>}
        <ul className="card-list">
          {marks.map(([stepId, reason]) => (
            <li key={stepId} className="card-list__item">
              <Link className="card-link" to={`/lokaal/aanvulling/${stepId}`}>
                <span className="card-link__title">{titleOf(stepId)}</span>
                <span className="card-link__meta">{reason}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
