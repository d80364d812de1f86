import { useState } from 'react';
import { Link } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import { AsyncButton } from '../../ui/async-button.tsx';
import { useCanEditLocal } from './local-editor-context.tsx';
import { useLocalEdit } from './use-local-edit.ts';

/**
 * What a national content update left for the municipality to check: notes written against a
 * changed text, notes and marks whose national step was retired (kept, their text intact), local
 * steps whose anchor moved away and contacts of a partner that is gone.
 */
export function AttentionList() {
  const index = useKader();
  const local = index.local;
  const canEdit = useCanEditLocal();
  const edit = useLocalEdit();
  const [error, setError] = useState<string>();
  if (!local) return null;
  const changed = [...local.annotations.values()].filter((a) => a.state === 'gewijzigd');
  const displaced = [...local.displaced.keys()].flatMap((id) => local.localSteps.get(id) ?? []);
  const count =
    changed.length + local.orphans.length + displaced.length + local.orphanMarks.length + local.orphanContacts.length;
  if (count === 0) return null;
  const titleOf = (id: string) => index.step.get(id)?.title ?? index.instrument.get(id)?.name ?? id;
  return (
    <section className="attention" aria-labelledby="aandacht-kop">
      <h2 id="aandacht-kop">Controleer na de update van het kader ({count})</h2>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      <ul className="attention__list">
        {changed.map(({ annotation }) => (
          <li key={`g-${annotation.targetId}`}>
            <strong>Landelijke tekst gewijzigd, controleer uw aanvulling</strong> bij ‘{titleOf(annotation.targetId)}’.{' '}
            <Link to={`/lokaal/aanvulling/${annotation.targetId}`}>Aanvulling bekijken</Link>
          </li>
        ))}
        {local.orphans.map(({ annotation }) => (
          <li key={`o-${annotation.targetId}`}>
            <strong>Vervallen landelijke stap of instrument</strong> ({annotation.targetId}). Uw aanvulling is bewaard:
            <blockquote className="local-note__text">{annotation.note}</blockquote>
            {canEdit && (
              <AsyncButton
                className="button button--secondary button--small"
                onError={setError}
                onClick={() => edit({ type: 'annotation.remove', targetId: annotation.targetId })}
              >
                Aanvulling verwijderen
              </AsyncButton>
            )}
          </li>
        ))}
        {displaced.map((step) => (
          <li key={`d-${step.id}`}>
            <strong>Lokale stap verplaatst</strong>: ‘{step.title}’ stond na een stap die niet meer in deze fase staat.{' '}
            <Link to={`/lokaal/stap/${step.id}`}>Plaats kiezen</Link>
          </li>
        ))}
        {local.orphanMarks.map((mark) => (
          <li key={`m-${mark.stepId}`}>
            <strong>Markering bij een vervallen stap</strong> ({mark.stepId}): {mark.reason}{' '}
            {canEdit && (
              <AsyncButton
                className="button button--secondary button--small"
                onError={setError}
                onClick={() => edit({ type: 'not-applicable.clear', stepId: mark.stepId })}
              >
                Markering verwijderen
              </AsyncButton>
            )}
          </li>
        ))}
        {local.orphanContacts.map((contact) => (
          <li key={`c-${contact.id}`}>
            <strong>Contact bij een vervallen partner</strong>: ‘{contact.name}’.{' '}
            <Link to={`/lokaal/contact/${contact.id}`}>Partner kiezen</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
